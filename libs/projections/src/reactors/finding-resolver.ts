import {
  actionStreamId,
  DomainRuleViolation,
  evolveAction,
  findingDecider,
  findingStreamId,
  initialActionState,
  type ActionStatus,
} from '@actionledger/domain';
import type { StoredEvent } from '@actionledger/event-store';
import {
  AggregateLoader,
  CommandExecutor,
  NotFoundError,
  type CommandContext,
} from '@actionledger/command-handling';
import { Injectable, Logger } from '@nestjs/common';
import type { FindingResolution } from './finding-resolution.reactor';

const actionAggregate = { evolve: evolveAction, initialState: initialActionState };

/** The Idempotency-Key of the resolution an event triggers: a redelivered event writes the same event id. */
export const resolutionKeyOf = (cause: Pick<StoredEvent, 'id'>) => `resolve-after:${cause.id}`;

/**
 * Appends `FindingResolved` through the one write path, at the finding stream's revision as loaded: an action
 * planned meanwhile moves that revision (see ActionAddedToFinding), so the append fails and the resolution is
 * decided again with the new action in view, and refused. The decision reads every action's stream now, not
 * the process's picture of them, which may be behind the log.
 */
@Injectable()
export class FindingResolver {
  private readonly logger = new Logger(FindingResolver.name);

  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
  ) {}

  /** Resolves on a transient failure (a throw makes the runner retry); a refusal that can never pass is logged. */
  async resolve({ findingId, verifiedActionIds }: FindingResolution, cause: StoredEvent): Promise<void> {
    const context: CommandContext = {
      actor: {
        userId: 'system:finding-resolution',
        role: 'system',
        organisationId: cause.metadata.actor.organisationId ?? null,
      },
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      idempotencyKey: resolutionKeyOf(cause),
    };
    try {
      await this.commands.execute({
        id: findingId,
        streamId: findingStreamId(findingId),
        decider: findingDecider,
        commandType: 'ResolveFinding',
        context,
        notFound: () => new NotFoundError('finding', findingId),
        prepare: async (state, metadata) => ({
          type: 'ResolveFinding' as const,
          data: { findingId, verifiedActionIds },
          metadata,
          actions: await this.statusesOf([
            ...(state.status === 'none' ? [] : state.actionIds),
            ...verifiedActionIds,
          ]),
        }),
      });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation || error instanceof NotFoundError)) throw error;
      this.logger.log(`Finding ${findingId} is not resolved: ${error.message}`);
    }
  }

  private async statusesOf(actionIds: readonly string[]): Promise<Record<string, ActionStatus>> {
    const statuses: Record<string, ActionStatus> = {};
    for (const actionId of new Set(actionIds)) {
      const { state } = await this.loader.load(actionStreamId(actionId), actionAggregate);
      if (state.status !== 'none') statuses[actionId] = state.status;
    }
    return statuses;
  }
}
