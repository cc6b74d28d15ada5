import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditHeadStreamId } from '@actionledger/audit';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@actionledger/event-store';
import { appendChained, progressNote } from '../../../libs/audit/src/testing/chained-events';
import { run } from './run-cli';

describe('actionledger audit', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  async function withStore(work: (store: EventStore) => Promise<unknown>): Promise<void> {
    const store = createEventStore(eventStoreConfigFromEnv(env));
    try {
      await work(store);
    } finally {
      await store.close();
    }
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-cli-audit-'));
    env = { DATA_DIR: dataDir };
    await withStore(async (store) => {
      await appendChained(store, 'action-a1', [progressNote('one'), progressNote('two')]);
      await appendChained(store, 'finding-f1', [progressNote('three')]);
    });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies the chain and says how much it checked', async () => {
    expect(await run(['audit', 'verify'], env)).toEqual({
      code: 0,
      out: 'The audit chain is intact: 3 events in 2 streams checked, up to log position 3.\n',
      err: '',
    });
  });

  it('prints the head with the position it covers, the digest alone on its last line, and records nothing', async () => {
    const { code, out } = await run(['audit', 'head'], env);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Audit head as of log position 3, over 2 streams/);
    expect(lines.at(-1)).toMatch(/^ah1-3-[0-9a-f]{64}$/);
    await withStore(async (store) => expect(await store.readStream(auditHeadStreamId())).toEqual([]));
    expect((await run(['audit', 'head'], env)).out).toBe(out);
  });

  it('records heads that chain to each other, and checks them after the log has grown', async () => {
    const first = await run(['audit', 'head', '--record'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain('revision 0 of stream audit-heads (log position 4), after no earlier head');
    const firstDigest = first.out.trimEnd().split('\n').at(-1)!;
    await withStore((store) => appendChained(store, 'action-a1', [progressNote('four')]));
    const second = await run(['audit', 'head', '--record'], env);
    const secondDigest = second.out.trimEnd().split('\n').at(-1)!;
    expect(secondDigest).toMatch(/^ah1-5-/);
    expect(second.out).toContain(
      `revision 1 of stream audit-heads (log position 6), after head ${firstDigest}`,
    );

    for (const digest of [firstDigest, secondDigest]) {
      const { code, out } = await run(['audit', 'verify', '--head', digest], env);
      expect(code).toBe(0);
      expect(out).toContain('6 events in 3 streams checked, up to log position 6.');
      expect(out).toContain(`Head ${digest} holds: today's log extends it`);
    }
  });

  it('exits 4 naming the first broken link', async () => {
    await withStore((store) => store.append('action-b2', [progressNote('plain')], 'no_stream'));
    for (const argv of [
      ['audit', 'verify'],
      ['audit', 'head'],
      ['audit', 'head', '--record'],
    ]) {
      const { code, err } = await run(argv, env);
      expect(code).toBe(4);
      expect(err).toContain(
        'Stream action-b2, revision 0 (ProgressRecorded, log position 4) carries no hash chain',
      );
    }
    await withStore(async (store) => expect(await store.readStream(auditHeadStreamId())).toEqual([]));
  });

  it('exits 2 for a head that is not one, and 4 for a head the log does not give', async () => {
    const bad = await run(['audit', 'verify', '--head', 'ah1-3-abc'], env);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('"ah1-3-abc" is not an audit head') });
    const forged = await run(['audit', 'verify', '--head', `ah1-3-${'0'.repeat(64)}`], env);
    expect(forged).toMatchObject({ code: 4, err: expect.stringContaining('does not extend head ah1-3-') });
    expect((await run(['audit', 'verify', '--head'], env)).code).toBe(2);
  });

  it('prints help for every audit command and exits 0', async () => {
    for (const argv of [
      ['audit', '--help'],
      ['audit', 'verify', '--help'],
      ['audit', 'head', '--help'],
    ]) {
      const { code, out } = await run(argv, env);
      expect(code).toBe(0);
      expect(out).toMatch(/^Usage: actionledger audit/);
    }
  });
});
