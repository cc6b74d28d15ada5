import type { CalendarDate } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

export class ScheduleFollowUpCommand extends Command<CommandResult> {
  constructor(
    readonly expectedDate: CalendarDate,
    readonly followsInspectionId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
