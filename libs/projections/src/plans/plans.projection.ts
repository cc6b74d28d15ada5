import type { StoredEvent } from '@actionledger/event-store';
import type { Redis } from 'ioredis';
import { actionsListEntries } from '../actions-list/actions-list.index';
import { inspectionsListEntries } from '../inspections-list/inspections-list.index';
import { openActionsEntries } from '../overdue-report/open-actions.index';
import { ownerActionsEntries } from '../owner-actions/owner-actions.index';
import type { ProjectionKeys } from '../redis/projection-keys';
import { indexChanges, type RedisWrite } from '../redis/redis-write';
import type { Projection } from '../runner/projection.port';
import { evolvePlanDocuments, refsOf, type DocView } from './plan-documents.evolve';
import {
  docRef,
  isPlanEvent,
  parseDocRef,
  PLAN_EVENT_TYPES,
  type ActionDoc,
  type DocKind,
  type DocOf,
  type DocRef,
  type InspectionDoc,
} from './plan-documents';

type AnyDoc = DocOf[DocKind];
export type LoadedDocs = ReadonlyMap<DocRef, AnyDoc | null>;

export const PLANS_PROJECTION = 'plans';

/**
 * Pure: the writes that apply a batch of events to the documents it needs (as loaded before the batch).
 * Each changed document is written once, with the index entries of its old version swapped for its new ones.
 */
export function projectPlanBatch(
  keys: ProjectionKeys,
  events: readonly { type: string; data: unknown; position: bigint }[],
  loaded: LoadedDocs,
): RedisWrite[] {
  const current = new Map<DocRef, AnyDoc | null>(loaded);
  const view: DocView = {
    get: <Kind extends DocKind>(kind: Kind, id: string) =>
      (current.get(docRef(kind, id)) ?? null) as DocOf[Kind] | null,
  };
  for (const event of events) {
    if (!isPlanEvent(event)) continue;
    for (const change of evolvePlanDocuments(view, event, event.position)) {
      const id =
        change.kind === 'inspection'
          ? change.doc.inspectionId
          : change.kind === 'finding'
            ? change.doc.findingId
            : change.doc.actionId;
      current.set(docRef(change.kind, id), change.doc);
    }
  }
  const writes: RedisWrite[] = [];
  for (const [ref, after] of current) {
    const before = loaded.get(ref) ?? null;
    if (!after || after === before) continue;
    const { kind, id } = parseDocRef(ref);
    const org = after.organisationId;
    if (!before) writes.push({ op: 'hset', key: keys.directory(PLANS_PROJECTION), field: ref, value: org });
    writes.push({ op: 'hset', key: keys.documents(org, kind), field: id, value: JSON.stringify(after) });
    writes.push(...indexWrites(keys, kind, before, after));
  }
  return writes;
}

function indexWrites(
  keys: ProjectionKeys,
  kind: DocKind,
  before: AnyDoc | null,
  after: AnyDoc,
): RedisWrite[] {
  if (kind === 'inspection') {
    return indexChanges(
      inspectionsListEntries(keys, before as InspectionDoc | null),
      inspectionsListEntries(keys, after as InspectionDoc),
    );
  }
  if (kind === 'action') {
    const entries = (doc: ActionDoc | null) => [
      ...actionsListEntries(keys, doc),
      ...openActionsEntries(keys, doc),
      ...ownerActionsEntries(keys, doc),
    ];
    return indexChanges(entries(before as ActionDoc | null), entries(after as ActionDoc));
  }
  return [];
}

/** Loads documents by reference: their organisation from the directory, then the documents, two round trips. */
export async function loadPlanDocuments(
  redis: Redis,
  keys: ProjectionKeys,
  refs: readonly DocRef[],
): Promise<Map<DocRef, AnyDoc | null>> {
  const loaded = new Map<DocRef, AnyDoc | null>(refs.map((ref) => [ref, null]));
  if (refs.length === 0) return loaded;
  const orgs = await redis.hmget(keys.directory(PLANS_PROJECTION), ...refs);
  // One HMGET per organisation and kind, all in one pipeline.
  const groups = new Map<string, { key: string; refs: DocRef[]; ids: string[] }>();
  refs.forEach((ref, index) => {
    const org = orgs[index];
    if (org === null) return;
    const { kind, id } = parseDocRef(ref);
    const key = keys.documents(org, kind);
    const group = groups.get(key) ?? { key, refs: [], ids: [] };
    group.refs.push(ref);
    group.ids.push(id);
    groups.set(key, group);
  });
  if (groups.size === 0) return loaded;
  const pipeline = redis.pipeline();
  for (const group of groups.values()) pipeline.hmget(group.key, ...group.ids);
  const results = (await pipeline.exec()) ?? [];
  [...groups.values()].forEach((group, index) => {
    const [error, values] = results[index];
    if (error) throw error;
    (values as (string | null)[]).forEach((value, at) => {
      if (value !== null) loaded.set(group.refs[at], JSON.parse(value) as AnyDoc);
    });
  });
  return loaded;
}

/** Inspections, findings and actions, and the indexes over them that the plan queries read. */
export class PlansProjection implements Projection {
  readonly name = PLANS_PROJECTION;
  readonly handles: ReadonlySet<string> = PLAN_EVENT_TYPES;

  constructor(private readonly keys: ProjectionKeys) {}

  async project(events: readonly StoredEvent[], redis: Redis): Promise<RedisWrite[]> {
    const refs = [...new Set(events.filter(isPlanEvent).flatMap((event) => refsOf(event)))];
    const loaded = await loadPlanDocuments(redis, this.keys, refs);
    if (events.some((event) => event.type === 'InspectionWithdrawn'))
      await this.loadWithdrawnPlans(redis, loaded);
    return projectPlanBatch(this.keys, events, loaded);
  }

  /** A withdrawn inspection takes its findings and actions with it: they are loaded through it. */
  private async loadWithdrawnPlans(redis: Redis, loaded: Map<DocRef, AnyDoc | null>): Promise<void> {
    const inspections = [...loaded.values()].filter(
      (doc): doc is InspectionDoc => !!doc && 'findingIds' in doc,
    );
    const findingRefs = inspections.flatMap((inspection) =>
      inspection.findingIds.map((id) => docRef('finding', id)),
    );
    const findings = await loadPlanDocuments(redis, this.keys, findingRefs);
    const actionRefs = [...findings.values()].flatMap((doc) =>
      doc && 'actionIds' in doc ? doc.actionIds.map((id) => docRef('action', id)) : [],
    );
    const actions = await loadPlanDocuments(redis, this.keys, actionRefs);
    for (const [ref, doc] of [...findings, ...actions]) if (!loaded.get(ref)) loaded.set(ref, doc);
  }
}
