import { DomainRuleViolation, NotPermitted } from '@actionledger/domain';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { InvalidInputError } from './invalid-input.error';
import { NotFoundError } from './not-found.error';

/** How a command ended: `unchanged` when it decided nothing new (a repeat), `failed` for what no rule explains. */
export type CommandOutcome = 'accepted' | 'unchanged' | 'conflict' | 'not_found' | 'refused' | 'failed';

/** Told about every command and every append of the write path, e.g. to count them for /metrics. */
export interface CommandObserver {
  commandFinished(commandType: string, outcome: CommandOutcome): void;
  /** One append (of one or several streams), how long the store took, and the types of the events it wrote. */
  appended(seconds: number, eventTypes: readonly string[]): void;
}

export const COMMAND_OBSERVER = Symbol('CommandObserver');

export function outcomeOfError(error: unknown): CommandOutcome {
  if (error instanceof WrongExpectedRevisionError || error instanceof IdempotencyKeyReusedError)
    return 'conflict';
  if (error instanceof NotFoundError) return 'not_found';
  if (
    error instanceof DomainRuleViolation ||
    error instanceof NotPermitted ||
    error instanceof InvalidInputError
  )
    return 'refused';
  return 'failed';
}
