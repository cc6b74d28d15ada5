import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEventLog } from '@actionledger/audit';
import { SqliteEventStore, type EventStore } from '@actionledger/event-store';
import { appendChained, progressNote } from '../../../../libs/audit/src/testing/chained-events';
import { CurrentAuditHeads } from './current-audit-head';

describe('CurrentAuditHeads', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actionledger-audit-head-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the head `audit verify` takes of the whole log, reading on from where it stopped as the log grows', async () => {
    const heads = new CurrentAuditHeads(store);
    expect((await heads.current()).head?.position).toBe(0n);
    await appendChained(store, 'action-a', [progressNote('one'), progressNote('two')]);
    await appendChained(store, 'action-b', [progressNote('three')]);
    expect((await heads.current()).head).toEqual((await verifyEventLog(store)).head);
    await appendChained(store, 'action-a', [progressNote('four')]);
    const [first, second] = await Promise.all([heads.current(), heads.current()]);
    expect(first).toBe(second); // callers at the same moment share one read
    expect(first).toMatchObject({ events: 4, streams: 2, head: (await verifyEventLog(store)).head });
  });

  it('reports a break in the chain among the events appended since, and gives no head', async () => {
    const heads = new CurrentAuditHeads(store);
    await appendChained(store, 'action-a', [progressNote('one')]);
    await heads.current();
    await store.append('action-a', [progressNote('written around the chain')], 0);
    const current = await heads.current();
    expect(current.head).toBeUndefined();
    expect(current.broken?.message).toBe((await verifyEventLog(store)).broken?.message);
  });
});
