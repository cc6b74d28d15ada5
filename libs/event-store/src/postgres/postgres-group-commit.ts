import type { StreamWrite } from '../event-store.port';

/** An append or an atomic multi-stream append: its writes are stored together or not at all. */
export interface AppendUnit {
  writes: readonly StreamWrite[];
  /** Each event's data and metadata as JSON text, per write: serialised before the unit joins a group. */
  json: { data: string; metadata: string }[][];
}

interface Pending {
  unit: AppendUnit;
  resolve: (outcomes: UnitOutcome) => void;
  reject: (error: unknown) => void;
}

/** Either every write of the unit was stored (`ok`), or the first write that failed, with why. */
export type UnitOutcome =
  | { ok: true; results: { lastRevision: number; lastPosition: bigint }[] }
  | { ok: false; failedWrite: number; reason: string };

/**
 * Sends the appends that arrive while one call is on its way as the next call: one transaction, one commit (one
 * WAL flush) for all of them. At most one call is in flight, since appends are serialised by a lock anyway.
 */
export class PostgresGroupCommit {
  private pending: Pending[] = [];
  private inFlight = false;

  constructor(
    private readonly commit: (units: AppendUnit[]) => Promise<UnitOutcome[]>,
    /** Units per call; each is a subtransaction, and more than 64 of them overflow PostgreSQL's cache. */
    private readonly maxUnits = 64,
  ) {}

  submit(unit: AppendUnit): Promise<UnitOutcome> {
    return new Promise<UnitOutcome>((resolve, reject) => {
      this.pending.push({ unit, resolve, reject });
      if (!this.inFlight) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxUnits);
        try {
          const outcomes = await this.commit(batch.map((pending) => pending.unit));
          batch.forEach((pending, index) => pending.resolve(outcomes[index]));
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
        // Lets the callers just answered append again before the next call goes, so that they share it.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.inFlight = false;
    }
  }
}
