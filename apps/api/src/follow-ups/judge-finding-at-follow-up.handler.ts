import { findingDecider, findingStreamId, followUpDecider, followUpStreamId } from '@actionledger/domain';
import { AggregateLoader, CommandExecutor, NotFoundError } from '@actionledger/command-handling';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { JudgeFindingAtFollowUpCommand } from './judge-finding-at-follow-up.command';

/** What the follow-up inspection found about an earlier finding; the domain checks the finding is one it follows. */
@CommandHandler(JudgeFindingAtFollowUpCommand)
export class JudgeFindingAtFollowUpHandler implements ICommandHandler<JudgeFindingAtFollowUpCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
  ) {}

  execute({ followUpId, findingId, judgement, note, context }: JudgeFindingAtFollowUpCommand) {
    return this.commands.execute({
      id: followUpId,
      streamId: followUpStreamId(followUpId),
      decider: followUpDecider,
      commandType: 'JudgeFindingAtFollowUp',
      payload: { findingId, judgement, note },
      context,
      notFound: () => new NotFoundError('follow-up', followUpId),
      prepare: async (state, metadata) => {
        if (state.status === 'none') throw new NotFoundError('follow-up', followUpId);
        const { state: finding } = await this.loader.loadVisible(
          findingStreamId(findingId),
          findingDecider,
          metadata.actor,
          () => new NotFoundError('finding', findingId),
        );
        return {
          type: 'JudgeFindingAtFollowUp' as const,
          data: { followUpId, findingId, judgement, note },
          metadata,
          finding: { findingId, inspectionId: finding.inspectionId },
        };
      },
    });
  }
}
