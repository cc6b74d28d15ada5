import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';
import { assertNotRebuilding } from '../runner/wait-for-position';
import { londonDate } from '../calendar/london-date';
import type { DocKind, DocOf } from './plan-documents';

/** What every query needs: Redis, the key layout, and the clock "today" is judged by. */
export interface ReadModelContext {
  redis: Redis;
  keys: ProjectionKeys;
  clock: () => Date;
}

/** Today in England, once the read models are whole (a query during a rebuild throws, for a 503). */
export async function beginQuery(context: ReadModelContext): Promise<string> {
  await assertNotRebuilding(context.redis, context.keys);
  return londonDate(context.clock());
}

/** Documents of one organisation by id, in the order asked, skipping any that do not exist. */
export async function readDocuments<Kind extends DocKind>(
  context: ReadModelContext,
  organisationId: string,
  kind: Kind,
  ids: readonly string[],
): Promise<DocOf[Kind][]> {
  if (ids.length === 0) return [];
  const values = await context.redis.hmget(context.keys.documents(organisationId, kind), ...ids);
  return values
    .filter((value): value is string => value !== null)
    .map((value) => JSON.parse(value) as DocOf[Kind]);
}

/** The id at the end of an index member (`sortKey|...|id`). */
export const idOfMember = (member: string): string => member.slice(member.lastIndexOf('|') + 1);
