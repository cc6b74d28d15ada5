import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { pinoHttpOptions } from './json-logging.module';

/** A real HTTP server logging through the app's pino-http options into lines the test reads. */
async function loggingServer(): Promise<{
  url: string;
  lines: () => Record<string, unknown>[];
  server: Server;
}> {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = pinoHttp(pinoHttpOptions({ logLevel: 'info' }, 'api'), stream);
  const server = createServer((request, response) => {
    logger(request, response);
    request.log.info({ user: { password: 'hunter2', token: 'tok-123' } }, 'signing in');
    response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
    response.end('ok');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    server,
  };
}

describe('the JSON request log', () => {
  let subject: Awaited<ReturnType<typeof loggingServer>>;
  beforeEach(async () => (subject = await loggingServer()));
  afterEach(() => new Promise((closed) => subject.server.close(closed)));

  it('carries the request id and correlation id on every line of a request, and never a secret', async () => {
    const response = await fetch(`${subject.url}/set-password?token=invite-secret&next=home`, {
      headers: {
        Authorization: 'Bearer al_live_secret',
        Cookie: 'al_session=session-secret',
        'X-Request-Id': 'edge-1',
        'X-Correlation-Id': 'board-pack-42',
      },
    });
    expect(response.headers.get('x-request-id')).toBe('edge-1');
    const lines = subject.lines();
    expect(lines.map((line) => line.msg)).toEqual(['signing in', 'request completed']);
    for (const line of lines) {
      expect(line).toMatchObject({ app: 'api', correlationId: 'board-pack-42', req: { id: 'edge-1' } });
    }
    const written = JSON.stringify(lines);
    for (const secret of ['al_live_secret', 'session-secret', 'invite-secret', 'hunter2', 'tok-123']) {
      expect(written).not.toContain(secret);
    }
    expect(lines[1]).toMatchObject({
      req: {
        url: '/set-password?token=[redacted]&next=home',
        headers: { authorization: '[redacted]', cookie: '[redacted]' },
      },
      res: { statusCode: 200 },
    });
    expect(lines[0]).toMatchObject({ user: { password: '[redacted]', token: '[redacted]' } });
  });

  it('logs a 4xx as a warning, and leaves out the polled routes', async () => {
    await fetch(`${subject.url}/missing`);
    await fetch(`${subject.url}/ready`);
    await fetch(`${subject.url}/metrics`);
    const completed = subject.lines().filter((line) => line.msg !== 'signing in');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ level: 40, res: { statusCode: 404 } });
    expect(completed[0].correlationId).toBe((completed[0].req as { id: string }).id);
  });
});
