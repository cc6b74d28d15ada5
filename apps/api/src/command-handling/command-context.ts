/** Who sends a command and in answer to what: everything that goes into an event's metadata but the time. */
export interface CommandContext {
  actor: { userId: string; role: string; organisationId?: string };
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
