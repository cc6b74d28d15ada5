import { randomUUID } from 'node:crypto';
import type { CommandContext } from './command-context';

/**
 * The context of a command given at the CLI: whoever can read the data folder can run it, so it acts with the
 * operator's authority, for no one organisation, and the log says so.
 */
export function operatorContext(): CommandContext {
  const id = randomUUID();
  return {
    actor: { userId: 'operator', role: 'operator', organisationId: null },
    correlationId: id,
    causationId: id,
  };
}
