import { randomUUID } from 'node:crypto';
import { findingDecider, findingStreamId, inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '../command-handling/deterministic-id';
import { handleCommand } from '../command-handling/handle-command';
import { loadExistingAggregate } from '../command-handling/load-aggregate';
import { NotFoundError } from '../command-handling/not-found.error';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { RaiseFindingCommand } from './raise-finding.command';

@CommandHandler(RaiseFindingCommand)
export class RaiseFindingHandler implements ICommandHandler<RaiseFindingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ inspectionId, finding, context }: RaiseFindingCommand) {
    await loadExistingAggregate(
      this.store,
      inspectionStreamId(inspectionId),
      inspectionDecider,
      () => new NotFoundError('inspection', inspectionId),
    );
    const findingId = context.idempotencyKey
      ? deterministicId('finding', inspectionId, context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return handleCommand(this.store, this.clock, {
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: 'RaiseFinding',
      context,
      prepare: (_state, now) => ({
        type: 'RaiseFinding' as const,
        data: { findingId, inspectionId, ...finding },
        metadata: { now },
      }),
    });
  }
}
