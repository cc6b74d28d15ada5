import type { InspectionDetails } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

export class RecordInspectionCommand extends Command<CommandResult> {
  constructor(
    readonly details: InspectionDetails,
    readonly context: CommandContext,
  ) {
    super();
  }
}
