import type { CommandContext } from '@actionledger/command-handling';
import type { PlanImportConfirmation } from '@actionledger/spreadsheets';
import { Command } from '@nestjs/cqrs';

export class ConfirmPlanImportCommand extends Command<PlanImportConfirmation> {
  constructor(
    readonly draftId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
