import type { CalendarDate, FollowUpEvent, FollowUpJudgement } from '@actionledger/domain';
import type { StoredEvent } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';
import { indexChanges, type IndexEntry, type RedisWrite } from '../redis/redis-write';
import type { Projection } from '../runner/projection.port';

export const FOLLOW_UPS_PROJECTION = 'follow-ups';

export interface FollowUpDoc {
  followUpId: string;
  organisationId: string;
  authority: string;
  expectedDate: CalendarDate;
  followsInspectionId: string;
  judgements: Record<string, { judgement: FollowUpJudgement; note: string | null }>;
}

const HANDLED = new Set<FollowUpEvent['type']>(['FollowUpScheduled', 'FindingJudgedAtFollowUp']);
const isFollowUpEvent = <Event extends { type: string }>(event: Event): event is Event & FollowUpEvent =>
  HANDLED.has(event.type as FollowUpEvent['type']);

/** Pure: a follow-up's document after one event. */
export function evolveFollowUpDoc(doc: FollowUpDoc | null, event: FollowUpEvent): FollowUpDoc | null {
  switch (event.type) {
    case 'FollowUpScheduled':
      return doc ?? { ...event.data, judgements: {} };
    case 'FindingJudgedAtFollowUp': {
      if (!doc) return null;
      const { findingId, judgement, note } = event.data;
      return { ...doc, judgements: { ...doc.judgements, [findingId]: { judgement, note } } };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled follow-up event ${JSON.stringify(unknown)}`);
    }
  }
}

export const followUpsIndexKey = (keys: ProjectionKeys, organisationId: string) =>
  keys.index(organisationId, 'follow-ups');

function entries(keys: ProjectionKeys, doc: FollowUpDoc | null): IndexEntry[] {
  return doc
    ? [{ key: followUpsIndexKey(keys, doc.organisationId), member: `${doc.expectedDate}|${doc.followUpId}` }]
    : [];
}

/** Pure: the writes that apply a batch to the follow-ups loaded before it. */
export function projectFollowUpBatch(
  keys: ProjectionKeys,
  events: readonly { type: string; data: unknown }[],
  loaded: ReadonlyMap<string, FollowUpDoc | null>,
): RedisWrite[] {
  const current = new Map(loaded);
  for (const event of events) {
    if (!isFollowUpEvent(event)) continue;
    const id = event.data.followUpId;
    current.set(id, evolveFollowUpDoc(current.get(id) ?? null, event));
  }
  const writes: RedisWrite[] = [];
  for (const [id, after] of current) {
    const before = loaded.get(id) ?? null;
    if (!after || after === before) continue;
    if (!before) {
      writes.push({
        op: 'hset',
        key: keys.directory(FOLLOW_UPS_PROJECTION),
        field: id,
        value: after.organisationId,
      });
    }
    writes.push({
      op: 'hset',
      key: keys.documents(after.organisationId, 'follow-up'),
      field: id,
      value: JSON.stringify(after),
    });
    writes.push(...indexChanges(entries(keys, before), entries(keys, after)));
  }
  return writes;
}

/** Upcoming follow-up inspections and the judgements they recorded. */
export class FollowUpsProjection implements Projection {
  readonly name = FOLLOW_UPS_PROJECTION;
  readonly handles: ReadonlySet<string> = HANDLED;

  constructor(private readonly keys: ProjectionKeys) {}

  async project(events: readonly StoredEvent[], redis: Redis): Promise<RedisWrite[]> {
    const ids = [...new Set(events.filter(isFollowUpEvent).map((event) => event.data.followUpId))];
    const loaded = new Map<string, FollowUpDoc | null>(ids.map((id) => [id, null]));
    if (ids.length > 0) {
      const orgs = await redis.hmget(this.keys.directory(FOLLOW_UPS_PROJECTION), ...ids);
      for (const [index, id] of ids.entries()) {
        const org = orgs[index];
        const json = org === null ? null : await redis.hget(this.keys.documents(org, 'follow-up'), id);
        if (json !== null) loaded.set(id, JSON.parse(json) as FollowUpDoc);
      }
    }
    return projectFollowUpBatch(this.keys, events, loaded);
  }
}
