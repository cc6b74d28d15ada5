import type { FollowUpJudgement } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

export class JudgeFindingAtFollowUpCommand extends Command<CommandResult> {
  constructor(
    readonly followUpId: string,
    readonly findingId: string,
    readonly judgement: FollowUpJudgement,
    readonly note: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
