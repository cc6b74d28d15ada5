import {
  actionStreamId,
  findingDecider,
  findingStreamId,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type CommandActor,
  type Decider,
  type FindingFacts,
} from '@actionledger/domain';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ACTION_DECIDER } from './action-decider.provider';
import { ExecuteActionCommand } from './execute-action.command';
import { AggregateLoader, CommandExecutor, NotFoundError } from '@actionledger/command-handling';

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
      notFound: () => new NotFoundError('action', actionId),
      prepare: async (state, metadata) => {
        if (input.type !== 'PlanAction' && state.status === 'none')
          throw new NotFoundError('action', actionId);
        const finding = await this.findingFacts(
          state.status === 'none' ? findingId! : state.findingId,
          metadata.actor,
        );
        return { ...input, data: { ...input.data, actionId }, metadata, finding } as ActionCommand;
      },
    });
  }

  private async findingFacts(findingId: string, actor: CommandActor): Promise<FindingFacts> {
    const { state } = await this.loader.loadVisible(
      findingStreamId(findingId),
      findingDecider,
      actor,
      () => new NotFoundError('finding', findingId),
    );
    return {
      findingId,
      organisationId: state.organisationId,
      status: state.status, timescale: state.timescale, raisedAt: state.raisedAt };
  }
}
