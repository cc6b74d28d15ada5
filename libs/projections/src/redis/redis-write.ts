import type { ChainableCommander } from 'ioredis';

/**
 * A write to Redis as plain data: what a projection's pure functions return, so that specs can read them
 * without a server and the runner can queue them in one MULTI with the checkpoint.
 * Sorted sets are used as lexicographic indexes: every member has score 0 and sorts by its text.
 */
export type RedisWrite =
  | { op: 'hset'; key: string; field: string; value: string }
  | { op: 'hdel'; key: string; field: string }
  | { op: 'hincrby'; key: string; field: string; by: number }
  | { op: 'zadd'; key: string; member: string }
  | { op: 'zrem'; key: string; member: string };

export function queueWrites(transaction: ChainableCommander, writes: readonly RedisWrite[]): void {
  for (const write of writes) {
    switch (write.op) {
      case 'hset':
        transaction.hset(write.key, write.field, write.value);
        break;
      case 'hdel':
        transaction.hdel(write.key, write.field);
        break;
      case 'hincrby':
        transaction.hincrby(write.key, write.field, write.by);
        break;
      case 'zadd':
        transaction.zadd(write.key, 0, write.member);
        break;
      case 'zrem':
        transaction.zrem(write.key, write.member);
        break;
      default: {
        const unknown: never = write;
        throw new Error(`Unknown Redis write ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** One entry of a lexicographic index. */
export interface IndexEntry {
  key: string;
  member: string;
}

/** The writes that turn the index entries of a document's old version into those of its new one. */
export function indexChanges(before: readonly IndexEntry[], after: readonly IndexEntry[]): RedisWrite[] {
  const id = (entry: IndexEntry) => `${entry.key}\u0000${entry.member}`;
  const beforeIds = new Set(before.map(id));
  const afterIds = new Set(after.map(id));
  return [
    ...before.filter((entry) => !afterIds.has(id(entry))).map((e) => ({ op: 'zrem' as const, ...e })),
    ...after.filter((entry) => !beforeIds.has(id(entry))).map((e) => ({ op: 'zadd' as const, ...e })),
  ];
}
