import type { LetterProposalChanges } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../command-handling/command-context';

export class EditLetterDraftCommand extends Command<CommandResult> {
  constructor(
    readonly draftId: string,
    readonly changes: LetterProposalChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
