import type { CommandContext, CommandResult } from '@actionledger/command-handling';
import type { PlanImportTarget } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';

export class ImportPlanCommand extends Command<CommandResult & { alreadyImported: boolean }> {
  constructor(
    readonly upload: { bytes: Uint8Array; fileName: string },
    readonly target: PlanImportTarget,
    readonly context: CommandContext,
  ) {
    super();
  }
}
