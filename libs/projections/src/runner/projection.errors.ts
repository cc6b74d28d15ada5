/** A query arrived while the read models are being rebuilt: answer 503 with Retry-After, never a half-built list. */
export class ProjectionRebuildingError extends Error {
  readonly retryAfterSeconds = 2;
  constructor() {
    super('The read models are being rebuilt from the log; try again shortly.');
    this.name = 'ProjectionRebuildingError';
  }
}

/** Read-your-writes: the read models did not pass the position in time (answer 503 with Retry-After). */
export class ProjectionBehindError extends Error {
  readonly retryAfterSeconds = 1;
  constructor(
    readonly position: bigint,
    readonly behind: readonly { name: string; checkpoint: bigint }[],
    readonly waitedMs: number,
  ) {
    super(
      `The read models have not reached position ${position} after ${waitedMs} ms (` +
        behind.map(({ name, checkpoint }) => `${name} is at ${checkpoint}`).join(', ') +
        ').',
    );
    this.name = 'ProjectionBehindError';
  }
}

/** A query parameter that makes no sense (answer 400 naming the field). */
export class InvalidQueryError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`Invalid ${field}: ${reason}`);
    this.name = 'InvalidQueryError';
  }
}

/** Another runner wrote a checkpoint this one thought it owned: this one stops projecting. */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`The checkpoint of ${name} was moved by another runner; this runner stops projecting.`);
    this.name = 'CheckpointMovedError';
  }
}
