import type { CommandContext, CommandResult } from '@actionledger/command-handling';
import { Command } from '@nestjs/cqrs';

export class WithdrawInspectionCommand extends Command<CommandResult> {
  constructor(
    readonly inspectionId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
