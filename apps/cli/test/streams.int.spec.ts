import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, eventStoreConfigFromEnv } from '@actionledger/event-store';
import { run } from './run-cli';

describe('actionledger streams', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-cli-'));
    env = { DATA_DIR: dataDir };
    const store = createEventStore(eventStoreConfigFromEnv(env));
    const metadata = {
      actor: { userId: 'lead-1', role: 'lead' },
      correlationId: 'corr-1',
      causationId: 'cause-1',
      occurredAt: '2026-11-02T09:00:00.000Z',
    };
    await store.append(
      'action-a1',
      [
        {
          id: '7d8a6f3e-1c1b-4c0e-9e57-0a1b2c3d4e01',
          type: 'ActionPlanned',
          data: { title: 'Audit' },
          metadata,
        },
        {
          id: '7d8a6f3e-1c1b-4c0e-9e57-0a1b2c3d4e02',
          type: 'ActionRescheduled',
          data: { dueDate: '2027-01-01' },
          metadata: { ...metadata, reason: 'Staff off sick' },
        },
      ],
      'no_stream',
    );
    await store.append(
      'finding-f1',
      [{ id: '7d8a6f3e-1c1b-4c0e-9e57-0a1b2c3d4e03', type: 'FindingRaised', data: {}, metadata }],
      'no_stream',
    );
    await store.close();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists every stream with its count and last event', async () => {
    const { code, out } = await run(['streams', 'list', '--json'], env);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ streamId: 'action-a1', events: 2, lastType: 'ActionRescheduled' }),
      expect.objectContaining({ streamId: 'finding-f1', events: 1, lastType: 'FindingRaised' }),
    ]);
  });

  it('shows a stream oldest first, with its metadata', async () => {
    const { code, out } = await run(['streams', 'show', 'action-a1'], env);
    expect(code).toBe(0);
    expect(out.indexOf('#0 ActionPlanned')).toBeLessThan(out.indexOf('#1 ActionRescheduled'));
    expect(out).toContain('by lead-1 (lead)  correlation corr-1  causation cause-1');
    expect(out).toContain('reason: Staff off sick');

    const json = await run(['streams', 'show', 'action-a1', '--json'], env);
    expect(JSON.parse(json.out).map((event: { revision: number }) => event.revision)).toEqual([0, 1]);
  });

  it('exits 3 for a stream that does not exist, and 2 for bad usage', async () => {
    const missing = await run(['streams', 'show', 'action-nope'], env);
    expect(missing).toMatchObject({
      code: 3,
      err: expect.stringContaining('There is no stream action-nope.'),
    });
    expect((await run(['streams', 'show'], env)).code).toBe(2);
    expect((await run(['streams', 'frobnicate'], env)).code).toBe(2);
  });

  it('prints help for every command and exits 0', async () => {
    for (const argv of [
      ['--help'],
      ['streams', '--help'],
      ['streams', 'list', '--help'],
      ['streams', 'show', '--help'],
    ]) {
      const { code, out } = await run(argv, env);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: actionledger/);
    }
  });
});
