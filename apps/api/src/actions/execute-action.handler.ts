import {
  actionStreamId,
  findingDecider,
  findingStreamId,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type Decider,
  type FindingFacts,
} from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '../command-handling/handle-command';
import { loadExistingAggregate } from '../command-handling/load-aggregate';
import { NotFoundError } from '../command-handling/not-found.error';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { ACTION_DECIDER } from './action-decider.provider';
import { ExecuteActionCommand } from './execute-action.command';

@CommandHandler(ExecuteActionCommand)
export class ExecuteActionHandler implements ICommandHandler<ExecuteActionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACTION_DECIDER) private readonly decider: Decider<ActionCommand, ActionEvent, ActionState>,
  ) {}

  execute({ actionId, input, context, findingId }: ExecuteActionCommand) {
    return handleCommand(this.store, this.clock, {
      id: actionId,
      streamId: actionStreamId(actionId),
      decider: this.decider,
      commandType: input.type,
      reason: 'reason' in input.data ? input.data.reason : undefined,
      context,
      prepare: async (state, now) => {
        if (input.type !== 'PlanAction' && state.status === 'none')
          throw new NotFoundError('action', actionId);
        const finding = await this.findingFacts(state.status === 'none' ? findingId! : state.findingId);
        return { ...input, data: { ...input.data, actionId }, metadata: { now }, finding } as ActionCommand;
      },
    });
  }

  private async findingFacts(findingId: string): Promise<FindingFacts> {
    const { state } = await loadExistingAggregate(
      this.store,
      findingStreamId(findingId),
      findingDecider,
      () => new NotFoundError('finding', findingId),
    );
    if (state.status === 'none') throw new NotFoundError('finding', findingId);
    return { findingId, status: state.status, timescale: state.timescale, raisedAt: state.raisedAt };
  }
}
