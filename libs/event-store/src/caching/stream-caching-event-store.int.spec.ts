import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '../event-store.contract';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { StreamCachingEventStore } from './stream-caching-event-store';

const dir = mkdtempSync(join(tmpdir(), 'actionledger-cache-'));
const file = () => join(dir, `${randomUUID()}.db`);

describeEventStoreContract(
  'SQLite behind the stream cache',
  async () => new StreamCachingEventStore(new SqliteEventStore(file()), 3),
  async () => rmSync(dir, { recursive: true, force: true }),
);

const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'ProgressRecorded',
  data: {},
  metadata: {
    actor: { userId: 'u', role: 'owner' },
    correlationId: 'c',
    causationId: 'c',
    occurredAt: 'now',
  },
});

describe('the stream cache', () => {
  it('sees what another process appended after it cached the stream', async () => {
    const path = file();
    const cached = new StreamCachingEventStore(new SqliteEventStore(path));
    const other = new SqliteEventStore(path);
    try {
      await cached.append('action-1', [event()], 'no_stream');
      expect(await cached.readStream('action-1')).toHaveLength(1);
      await other.append('action-1', [event(), event()], 0);
      expect((await cached.readStream('action-1')).map((e) => e.revision)).toEqual([0, 1, 2]);
    } finally {
      await Promise.all([cached.close(), other.close()]);
    }
  });

  it('hands out copies: a caller changing its array does not change the cache', async () => {
    const cached = new StreamCachingEventStore(new SqliteEventStore(file()));
    try {
      await cached.append('action-2', [event(), event()], 'no_stream');
      (await cached.readStream('action-2')).pop();
      expect(await cached.readStream('action-2')).toHaveLength(2);
    } finally {
      await cached.close();
    }
  });
});
