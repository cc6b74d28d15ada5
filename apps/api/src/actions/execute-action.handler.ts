import {
  actionStreamId,
  findingDecider,
  findingStreamId,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type CommandActor,
  type CommandMetadata,
  type Decider,
  type FindingFacts,
} from '@actionledger/domain';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ACTION_DECIDER } from './action-decider.provider';
import { ExecuteActionCommand } from './execute-action.command';
import { findingFactsOf } from './finding-facts';
import { UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  CommandExecutor,
  InvalidInputError,
  NotFoundError,
} from '@actionledger/command-handling';

@CommandHandler(ExecuteActionCommand)
export class ExecuteActionHandler implements ICommandHandler<ExecuteActionCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
    private readonly directory: UserDirectory,
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
      alongside: input.type === 'PlanAction' ? this.addedToFinding(actionId, findingId!) : undefined,
      prepare: async (state, metadata) => {
        if (input.type !== 'PlanAction' && state.status === 'none')
          throw new NotFoundError('action', actionId);
        if ('ownerId' in input.data) await this.requireOwnerIn(input.data.ownerId, metadata.actor);
        const finding = await this.findingFacts(
          state.status === 'none' ? findingId! : state.findingId,
          metadata.actor,
        );
        return { ...input, data: { ...input.data, actionId }, metadata, finding } as ActionCommand;
      },
    });
  }

  /**
   * A planned action is recorded on its finding in the same append, so that the finding's revision moves: the
   * finding-resolution process, deciding at the same moment, then fails its expected revision and decides again
   * with the new action in view, or (if it wrote first) this plan is decided again and refused.
   */
  private addedToFinding(actionId: string, findingId: string) {
    const streamId = findingStreamId(findingId);
    return {
      streamIds: [streamId],
      decide: async (_decided: readonly ActionEvent[], metadata: CommandMetadata) => {
        const finding = await this.loader.loadVisible(
          streamId,
          findingDecider,
          metadata.actor,
          () => new NotFoundError('finding', findingId),
        );
        const events = findingDecider.decide(
          { type: 'AddActionToFinding', data: { findingId, actionId }, metadata },
          finding.state,
        );
        return [{ streamId, events, from: finding }];
      },
    };
  }

  /** An action's owner is an active user of the action's organisation. */
  private async requireOwnerIn(ownerId: string, actor: CommandActor): Promise<void> {
    const owner = await this.directory.user(ownerId);
    if (!owner || owner.organisationId !== actor.organisationId || owner.status !== 'active') {
      throw new InvalidInputError(
        `ownerId must name an active user of your organisation; ${ownerId} is not one.`,
        'ownerId',
      );
    }
  }

  private findingFacts(findingId: string, actor: CommandActor): Promise<FindingFacts> {
    return findingFactsOf(this.loader, findingId, actor);
  }
}
