import type { FindingCategory, Timescale } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

export class RaiseFindingCommand extends Command<CommandResult> {
  constructor(
    readonly inspectionId: string,
    readonly finding: { category: FindingCategory; timescale: Timescale; text: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
