import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

/** Sent by the finding-resolution process only; no route accepts it from a client. */
export class ResolveFindingCommand extends Command<CommandResult> {
  constructor(
    readonly findingId: string,
    readonly verifiedActionIds: string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
