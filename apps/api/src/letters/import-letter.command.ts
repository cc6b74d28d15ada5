import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

/** A letter as uploaded (file bytes) or pasted (text, as UTF-8 bytes). */
export interface LetterUpload {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
}

/** `alreadyImported`: the organisation imported this very document before; the result is its first draft. */
export class ImportLetterCommand extends Command<CommandResult & { alreadyImported: boolean }> {
  constructor(
    readonly upload: LetterUpload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
