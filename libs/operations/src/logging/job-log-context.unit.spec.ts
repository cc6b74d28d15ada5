import { Writable } from 'node:stream';
import pino from 'pino';
import { storage } from 'nestjs-pino/storage';
import { inJobLogContext } from './job-log-context';

describe("a job's log context", () => {
  it("binds the job's name, id and correlation id to every line logged inside it, and to none outside", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const root = pino(stream);
    const bindings = { job: 'timer', jobId: 'due-soon:a1', correlationId: 'reminder:due-soon:a1' };
    const result = await inJobLogContext(
      bindings,
      async () => {
        storage.getStore()!.logger.info('sending');
        await new Promise((tick) => setImmediate(tick));
        storage.getStore()!.logger.info('sent');
        return 'done';
      },
      root,
    );
    expect(result).toBe('done');
    expect(storage.getStore()).toBeUndefined();
    expect(lines).toEqual([
      expect.objectContaining({ ...bindings, msg: 'sending' }),
      expect.objectContaining({ ...bindings, msg: 'sent' }),
    ]);
  });
});
