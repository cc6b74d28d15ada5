import { findingDecider, findingStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '../command-handling/handle-command';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { ResolveFindingCommand } from './resolve-finding.command';

@CommandHandler(ResolveFindingCommand)
export class ResolveFindingHandler implements ICommandHandler<ResolveFindingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ findingId, verifiedActionIds, context }: ResolveFindingCommand) {
    return handleCommand(this.store, this.clock, {
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: 'ResolveFinding',
      context,
      prepare: (_state, now) => ({
        type: 'ResolveFinding' as const,
        data: { findingId, verifiedActionIds },
        metadata: { now },
      }),
    });
  }
}
