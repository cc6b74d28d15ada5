import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@actionledger/command-handling';

export interface LetterConfirmationResult {
  id: string;
  inspectionId: string;
  findingIds: string[];
  actionIds: string[];
  position: number;
}

export class ConfirmLetterDraftCommand extends Command<LetterConfirmationResult> {
  constructor(
    readonly draftId: string,
    readonly context: CommandContext,
    /** The inspection of the same identity the lead chose to record this one beside. */
    readonly recordAlongside: string | null = null,
  ) {
    super();
  }
}
