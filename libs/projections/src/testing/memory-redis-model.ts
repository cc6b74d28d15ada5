import type { ProjectionKeys } from '../redis/projection-keys';
import type { RedisWrite } from '../redis/redis-write';
import { PLANS_PROJECTION, type LoadedDocs } from '../plans/plans.projection';
import { parseDocRef, type DocRef } from '../plans/plan-documents';

/** The hashes and lexicographic sorted sets the projections write, in memory: for specs without Redis. */
export class MemoryRedisModel {
  readonly hashes = new Map<string, Map<string, string>>();
  readonly zsets = new Map<string, Set<string>>();

  apply(writes: readonly RedisWrite[]): this {
    for (const write of writes) {
      if (write.op === 'hset') {
        const hash = this.hashes.get(write.key) ?? new Map<string, string>();
        hash.set(write.field, write.value);
        this.hashes.set(write.key, hash);
      } else if (write.op === 'hincrby') {
        const hash = this.hashes.get(write.key) ?? new Map<string, string>();
        hash.set(write.field, String(Number(hash.get(write.field) ?? '0') + write.by));
        this.hashes.set(write.key, hash);
      } else if (write.op === 'hdel') {
        this.hashes.get(write.key)?.delete(write.field);
      } else if (write.op === 'zadd') {
        const set = this.zsets.get(write.key) ?? new Set<string>();
        set.add(write.member);
        this.zsets.set(write.key, set);
      } else {
        const set = this.zsets.get(write.key);
        set?.delete(write.member);
        if (set?.size === 0) this.zsets.delete(write.key);
      }
    }
    return this;
  }

  hget(key: string, field: string): string | null {
    return this.hashes.get(key)?.get(field) ?? null;
  }

  /** A sorted set's members in Redis's order for equal scores: by their bytes. */
  members(key: string): string[] {
    return [...(this.zsets.get(key) ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** What `loadPlanDocuments` would read from Redis. */
  loadPlanDocuments(keys: ProjectionKeys, refs: readonly DocRef[]): LoadedDocs {
    return new Map(
      refs.map((ref) => {
        const org = this.hget(keys.directory(PLANS_PROJECTION), ref);
        const { kind, id } = parseDocRef(ref);
        const json = org === null ? null : this.hget(keys.documents(org, kind), id);
        return [ref, json === null ? null : JSON.parse(json)];
      }),
    );
  }
}
