import type { FindingCategory, Timescale } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../command-handling/command-context';

export class RaiseFindingCommand extends Command<CommandResult> {
  constructor(
    readonly inspectionId: string,
    readonly finding: { category: FindingCategory; timescale: Timescale; text: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
