import type { CommandContext, CommandResult } from '@actionledger/command-handling';
import type { AmendFinding, ReopenFinding } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';

/** A lead's correction of a finding: the domain command less what the server adds (id, time). */
export type FindingCorrectionInput =
  | { type: 'AmendFinding'; data: Omit<AmendFinding['data'], 'findingId'> }
  | { type: 'ReopenFinding'; data: Omit<ReopenFinding['data'], 'findingId'> };

export class CorrectFindingCommand extends Command<CommandResult> {
  constructor(
    readonly findingId: string,
    readonly input: FindingCorrectionInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
