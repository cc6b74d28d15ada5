import type { ActionCommand } from '@actionledger/domain';
import { Command } from '@nestjs/cqrs';
import { CommandContext, CommandResult } from '@actionledger/command-handling';

type WithoutServerFields<C> = C extends ActionCommand
  ? { type: C['type']; data: Omit<C['data'], 'actionId'> }
  : never;

/** What a client asks of an action: the domain command less what the server adds (id, time, finding facts). */
export type ActionCommandInput = WithoutServerFields<ActionCommand>;

/** Every action command goes through one handler: the domain's `decide` already tells them apart. */
export class ExecuteActionCommand extends Command<CommandResult> {
  constructor(
    readonly actionId: string,
    readonly input: ActionCommandInput,
    readonly context: CommandContext,
    /** Only for PlanAction, whose action does not know its finding yet. */
    readonly findingId?: string,
  ) {
    super();
  }
}
