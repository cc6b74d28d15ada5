import { ProjectionKeys } from '../redis/projection-keys';
import { projectPlanBatch } from '../plans/plans.projection';
import { refsOf } from '../plans/plan-documents.evolve';
import { isPlanEvent, type DocKind, type DocOf } from '../plans/plan-documents';
import { MemoryRedisModel } from './memory-redis-model';
import type { ScriptedEvent } from './plan-script';

export const specKeys = new ProjectionKeys('al');

/** Projects events without Redis, in batches of `batchSize` (the runner's batches), and returns the model. */
export function projectInMemory(events: readonly ScriptedEvent[], batchSize = 1): MemoryRedisModel {
  const model = new MemoryRedisModel();
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    const refs = [...new Set(batch.filter(isPlanEvent).flatMap((event) => refsOf(event)))];
    model.apply(projectPlanBatch(specKeys, batch, model.loadPlanDocuments(specKeys, refs)));
  }
  return model;
}

/** given(events).then...: the documents and index entries a sequence of events leaves behind. */
export function given(events: readonly ScriptedEvent[]) {
  const model = projectInMemory(events);
  return {
    model,
    document<Kind extends DocKind>(organisationId: string, kind: Kind, id: string): DocOf[Kind] | null {
      const json = model.hget(specKeys.documents(organisationId, kind), id);
      return json === null ? null : (JSON.parse(json) as DocOf[Kind]);
    },
    index(key: string): string[] {
      return model.members(key);
    },
  };
}
