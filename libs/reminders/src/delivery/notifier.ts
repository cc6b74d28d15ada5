import { createTransport, type Transporter } from 'nodemailer';

export interface Recipient {
  userId: string;
  name: string;
  email: string;
}

export interface OutgoingMessage {
  /** Derived from the job's id: a message sent again after a crash carries the same one. */
  messageId: string;
  to: Recipient[];
  subject: string;
  text: string;
  html: string;
}

/** Where messages go: SMTP when `SMTP_URL` is set, else the log. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;

  /** `url` may carry nodemailer's options as a query, e.g. `?socketTimeout=10000&greetingTimeout=5000`. */
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to.map(({ name, email }) => ({ name, address: email })),
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** Without SMTP the message is written to the log, whole, so that a council trying it out can read it. */
export class LogNotifier implements Notifier {
  constructor(private readonly log: (line: string) => void) {}

  async send(message: OutgoingMessage): Promise<void> {
    const to = message.to.map(({ name, email }) => `${name} <${email}>`).join(', ');
    this.log(`Message ${message.messageId} to ${to}: ${message.subject}\n${message.text}`);
  }

  close(): void {}
}

export function createNotifier(smtpUrl: string | null, from: string, log: (line: string) => void): Notifier {
  return smtpUrl ? new SmtpNotifier(smtpUrl, from) : new LogNotifier(log);
}

/** `<jobId@actionledger>`: the same timer always gives the same Message-ID. */
export const messageIdOf = (jobId: string, kind = 'reminder'): string => `<${jobId}.${kind}@actionledger>`;
