import type { InspectionDetails } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../command-handling/command-context';

export class RecordInspectionCommand extends Command<CommandResult> {
  constructor(
    readonly details: InspectionDetails,
    readonly context: CommandContext,
  ) {
    super();
  }
}
