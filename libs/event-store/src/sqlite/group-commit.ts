import type Database from 'better-sqlite3';

interface PendingWrite {
  write: () => unknown;
  resolve: (result: never) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits the appends that arrive together in one transaction, so that concurrent commands share one fsync
 * instead of queueing for one each. Each append runs in a savepoint of its own: one refused append does not
 * undo the others. Every caller hears back only after the commit, so an acknowledged append is durable.
 */
export class GroupCommit {
  private pending: PendingWrite[] = [];
  private readonly commitBatch: Database.Transaction<
    (batch: PendingWrite[]) => Array<{ ok: unknown } | { error: unknown }>
  >;

  constructor(
    db: Database.Database,
    private readonly afterCommit: () => void,
  ) {
    this.commitBatch = db.transaction((batch: PendingWrite[]) =>
      batch.map((pending) => {
        try {
          return { ok: pending.write() };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  /** `write` must itself be a better-sqlite3 transaction function (nested here, it becomes a savepoint). */
  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ write, resolve: resolve as (result: never) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    let outcomes: Array<{ ok: unknown } | { error: unknown }>;
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) => {
      if ('ok' in outcome) batch[index].resolve(outcome.ok as never);
      else batch[index].reject(outcome.error);
    });
    if (outcomes.some((outcome) => 'ok' in outcome)) this.afterCommit();
  }
}
