import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  messageId: string;
  to: string[];
  subject: string;
  raw: string;
  /** The raw message with quoted-printable soft line breaks joined, for searching its text. */
  body: string;
  accepted: boolean;
}

/** What the receiver does with the next message: take it, refuse it (451), or never answer (a timeout). */
export type ReceiverMode = 'accept' | 'refuse' | 'hang';

/** A real SMTP server on an ephemeral port that records every message it is sent, accepted or not. */
export class SmtpReceiver {
  readonly messages: ReceivedMessage[] = [];
  mode: ReceiverMode = 'accept';
  private readonly server: SMTPServer;
  private readonly held: (() => void)[] = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' '); // unfolded
          const header = (name: string) =>
            new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
          const mode = this.mode;
          this.messages.push({
            messageId: header('Message-ID'),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: header('Subject'),
            raw,
            body: raw.replace(/=\r?\n/g, ''),
            accepted: mode === 'accept',
          });
          if (mode === 'accept') callback();
          else if (mode === 'refuse') {
            const error = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
          } else this.held.push(() => callback());
        });
      },
    });
    this.server.on('error', () => undefined);
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** An SMTP_URL for it, with short timeouts so that a hung server fails a try in half a second. */
  url(port: number): string {
    return `smtp://127.0.0.1:${port}?ignoreTLS=true&connectionTimeout=500&greetingTimeout=500&socketTimeout=500`;
  }

  /** Answers OK to every message held in `hang` mode (they stay recorded as not accepted). */
  release(): void {
    this.held.splice(0).forEach((answer) => answer());
  }

  accepted(): ReceivedMessage[] {
    return this.messages.filter((m) => m.accepted);
  }

  async close(): Promise<void> {
    this.held.splice(0).forEach((release) => release());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
