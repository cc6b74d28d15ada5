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
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ACTION_DECIDER } from './action-decider.provider';
import { ExecuteActionCommand } from './execute-action.command';
import { CommandExecutor, AggregateLoader, NotFoundError } from '@actionledger/command-handling';

@CommandHandler(ExecuteActionCommand)
export class ExecuteActionHandler implements ICommandHandler<ExecuteActionCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
    @Inject(ACTION_DECIDER) private readonly decider: Decider<ActionCommand, ActionEvent, ActionState>,
  ) {}

  execute({ actionId, input, context, findingId }: ExecuteActionCommand) {
    return this.commands.execute({
      id: actionId,
      streamId: actionStreamId(actionId),
      decider: this.decider,
      commandType: input.type,
      payload: { findingId, input },
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
    const { state } = await this.loader.loadExisting(
      findingStreamId(findingId),
      findingDecider,
      () => new NotFoundError('finding', findingId),
    );
    return { findingId, status: state.status, timescale: state.timescale, raisedAt: state.raisedAt };
  }
}
