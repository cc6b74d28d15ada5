import type { CommandContext, CommandResult } from '@actionledger/command-handling';
import type { PlanImportChanges } from '@actionledger/spreadsheets';
import { Command } from '@nestjs/cqrs';

export class EditPlanImportCommand extends Command<CommandResult> {
  constructor(
    readonly draftId: string,
    readonly changes: PlanImportChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
