import type { CommandActor } from '@actionledger/domain';

/** The roles a user can hold; `system` is the process managers and background jobs, never a person. */
export const ROLES = ['admin', 'lead', 'owner', 'board'] as const;
export type Role = (typeof ROLES)[number];

/** Who sends a command: the user, the role they act in, and the organisation they act for. */
export interface Actor extends CommandActor {
  userId: string;
  role: Role | 'system' | 'operator';
  /** Null only for the operator (the CLI acting with the data folder's authority) and install-wide commands. */
  organisationId: string | null;
}

/** Who sends a command and in answer to what: everything that goes into an event's metadata but the time. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** A client's retry key: a retried command with the same key appends nothing and returns the first result. */
  idempotencyKey?: string;
  /** The version the client last read (If-Match); a stale one is refused rather than overwritten. */
  expectedVersion?: number;
}

/** What every successful command returns: where it wrote, and the stream's version after it. */
export interface CommandResult {
  id: string;
  position: number;
  version: number;
}
