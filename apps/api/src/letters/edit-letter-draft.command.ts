import type { LetterProposalChanges } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

export class EditLetterDraftCommand extends Command<CommandResult> {
  constructor(
    readonly draftId: string,
    readonly changes: LetterProposalChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
