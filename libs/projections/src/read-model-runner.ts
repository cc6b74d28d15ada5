import type { ProjectionKeys } from './redis/projection-keys';
import { FollowUpsProjection } from './follow-ups/follow-ups.projection';
import { PlansProjection } from './plans/plans.projection';
import type { Projection } from './runner/projection.port';
import { ProjectionRunner, type ProjectionRunnerOptions } from './runner/projection-runner';
import {
  createFindingResolutionReactor,
  type FindingResolution,
} from './reactors/finding-resolution.reactor';
import type { StoredEvent } from '@actionledger/event-store';

/** Every read model the queries answer from; a rebuild replays the log into these. */
export function readModelProjections(keys: ProjectionKeys): Projection[] {
  return [new PlansProjection(keys), new FollowUpsProjection(keys)];
}

export interface ReadModelRunnerOptions extends Omit<ProjectionRunnerOptions, 'projections' | 'reactors'> {
  keys: ProjectionKeys;
  /** Appends FindingResolved (a `FindingResolver`): the finding-resolution reactor's effect. */
  resolver: { resolve(resolution: FindingResolution, cause: StoredEvent): Promise<void> };
}

/**
 * The runner every process builds alike (the API in its embedded default, the worker), so that whichever holds
 * the lease feeds the same read models and process managers from the same checkpoints.
 */
export function createReadModelRunner({ resolver, ...options }: ReadModelRunnerOptions): ProjectionRunner {
  return new ProjectionRunner({
    ...options,
    projections: readModelProjections(options.keys),
    reactors: [
      createFindingResolutionReactor({
        keys: options.keys,
        resolve: (resolution, cause) => resolver.resolve(resolution, cause),
      }),
    ],
  });
}
