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

/**
 * Queues the writes on a MULTI (or pipeline), folding writes of one kind to one key into one command (HSET with
 * many fields, ZADD with many members): far fewer commands for Redis to parse. The folding keeps the result
 * only when no field or member is both set and removed in the same batch, which is checked; if one is, the
 * writes go one by one, in order.
 */
export function queueWrites(transaction: ChainableCommander, writes: readonly RedisWrite[]): void {
  const groups = new Map<string, RedisWrite[]>();
  for (const write of writes) {
    const group = `${write.op} ${write.key}`;
    const list = groups.get(group);
    if (list) list.push(write);
    else groups.set(group, [write]);
  }
  if (!foldable(groups)) {
    for (const write of writes) queueOne(transaction, write);
    return;
  }
  for (const list of groups.values()) {
    const [first] = list;
    if (first.op === 'hset') {
      transaction.hset(first.key, ...list.flatMap((w) => (w.op === 'hset' ? [w.field, w.value] : [])));
    } else if (first.op === 'zadd') {
      transaction.zadd(first.key, ...list.flatMap((w) => (w.op === 'zadd' ? [0, w.member] : [])));
    } else if (first.op === 'zrem') {
      transaction.zrem(first.key, ...list.map((w) => (w.op === 'zrem' ? w.member : '')));
    } else if (first.op === 'hdel') {
      transaction.hdel(first.key, ...list.map((w) => (w.op === 'hdel' ? w.field : '')));
    } else {
      for (const write of list) queueOne(transaction, write);
    }
  }
}

const targetOf = (write: RedisWrite) =>
  write.op === 'zadd' || write.op === 'zrem' ? write.member : write.field;

/** Folding reorders writes: it is safe unless one key has a field or member both set and removed. */
function foldable(groups: Map<string, RedisWrite[]>): boolean {
  for (const [removing, adding] of [
    ['zrem', 'zadd'],
    ['hdel', 'hset'],
  ]) {
    for (const [group, removed] of groups) {
      if (!group.startsWith(`${removing} `)) continue;
      const added = groups.get(`${adding} ${removed[0].key}`);
      if (!added) continue;
      const set = new Set(added.map(targetOf));
      if (removed.some((write) => set.has(targetOf(write)))) return false;
    }
  }
  return true;
}

function queueOne(transaction: ChainableCommander, write: RedisWrite): void {
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
