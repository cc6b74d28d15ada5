import { AggregateLoader, CommandExecutor, operatorContext } from '@actionledger/command-handling';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@actionledger/event-store';
import { auditHeadStreamId } from './audit-head-recorded.event';
import { AuditChainBrokenError } from './audit-chain-broken.error';
import { recordAuditHead } from './record-audit-head';
import { appendChained, progressNote } from './testing/chained-events';
import { verifyAuditHead } from './verify-audit-head';
import { verifyEventLog } from './verify-event-log';

const operator = operatorContext();
const writePath = (store: EventStore) =>
  new CommandExecutor(store, { now: () => new Date('2026-11-02T10:00:00.000Z') }, new AggregateLoader(store));

describe('the audit trail over a SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actionledger-audit-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function fill(streams: number, perStream: number): Promise<void> {
    for (let revision = 0; revision < perStream; revision++) {
      for (let stream = 0; stream < streams; stream++) {
        await appendChained(store, `action-${stream}`, [progressNote(`note ${revision}`)]);
      }
    }
  }

  it('verifies every event across page boundaries', async () => {
    await fill(3, 5);
    const verification = await verifyEventLog(store, { pageSize: 4 });
    expect(verification).toMatchObject({ events: 15, streams: 3, lastPosition: 15n });
    expect(verification.broken).toBeUndefined();
    expect(verification.head).toEqual((await verifyEventLog(store)).head);
  });

  it('reports the first break and stops there', async () => {
    await fill(2, 2);
    await store.append('finding-1', [progressNote('unchained')], 'no_stream');
    await fill(2, 1);
    const verification = await verifyEventLog(store, { pageSize: 2 });
    expect(verification).toMatchObject({
      events: 4,
      broken: { kind: 'unchained', streamId: 'finding-1', revision: 0, position: 5n },
    });
    expect(verification.head).toBeUndefined();
  });

  it('records heads that chain to each other, and verifies a head after the log has grown', async () => {
    await fill(2, 2);
    const first = await recordAuditHead(store, writePath(store), operator);
    expect(first.head).toMatchObject({ position: 4n, streams: 2 });
    expect(first.recorded).toEqual({
      streamId: auditHeadStreamId(),
      revision: 0,
      position: 5n,
      previousDigest: null,
    });
    await fill(3, 1);
    const second = await recordAuditHead(store, writePath(store), operator);
    expect(second.head).toMatchObject({ position: 8n, streams: 4 });
    expect(second.recorded.previousDigest).toBe(first.head.digest);

    const [recorded0, recorded1] = await store.readStream(auditHeadStreamId());
    expect(recorded1).toMatchObject({
      type: 'AuditHeadRecorded',
      data: { digest: second.head.digest, position: '8', streams: 4, previousDigest: first.head.digest },
      metadata: { previousHash: recorded0.metadata.hash, actor: operator.actor },
    });

    const verification = await verifyEventLog(store);
    expect(verification).toMatchObject({ events: 9, streams: 4 });
    expect(verification.broken).toBeUndefined();
    for (const { head } of [first, second]) {
      expect(await verifyAuditHead(store, head.digest)).toMatchObject({ status: 'intact', head });
    }
  });

  it("says what differs when today's log no longer gives a head", async () => {
    await fill(2, 2);
    const { head } = await recordAuditHead(store, writePath(store), operator);
    const forged = `${head.digest.slice(0, -1)}${head.digest.endsWith('0') ? '1' : '0'}`;
    const check = await verifyAuditHead(store, forged);
    expect(check).toMatchObject({
      status: 'head-mismatch',
      message: expect.stringContaining(`as of position 4 its streams' heads give ${head.digest}`),
    });
    expect(check.status === 'head-mismatch' && check.message).toContain('not among the recorded ones');
  });

  it('takes no head over a broken chain', async () => {
    await store.append('finding-1', [progressNote('unchained')], 'no_stream');
    await expect(recordAuditHead(store, writePath(store), operator)).rejects.toThrow(AuditChainBrokenError);
    expect(await store.readStream(auditHeadStreamId())).toEqual([]);
  });

  it('verifies an empty log', async () => {
    const verification = await verifyEventLog(store);
    expect(verification).toMatchObject({ events: 0, streams: 0, lastPosition: 0n });
    expect(verification.head?.digest).toMatch(/^ah1-0-/);
  });
});
