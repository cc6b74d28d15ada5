import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@actionledger/command-handling';
import type { EvidenceFileFacts } from '@actionledger/domain';

export interface EvidenceUpload {
  fileName: string;
  bytes: Uint8Array;
}

export interface AttachEvidenceResult extends CommandResult {
  files: EvidenceFileFacts[];
}

/** Store the files, then record them on the action: `EvidenceAttached` for each, in one append. */
export class AttachEvidenceCommand extends Command<AttachEvidenceResult> {
  constructor(
    readonly actionId: string,
    readonly uploads: readonly EvidenceUpload[],
    readonly note: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
