import type { EventStore, NewEvent, StreamWrite } from '../event-store.port';

export interface CopyProgress {
  /** `comparing`: reading both logs to find where an earlier copy stopped; `copying`; `done`. */
  phase: 'comparing' | 'copying' | 'done';
  /** Events in the source log. */
  total: number;
  /** Events the target already held when this run started (an earlier, interrupted or complete, copy). */
  alreadyCopied: number;
  /** Events this run has written so far. */
  copied: number;
}

export interface CopyEventLogOptions {
  /** Events read per page of either log; default 500. */
  pageSize?: number;
  /** Events per atomic write to the target; default 500. */
  eventsPerWrite?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** Stops the copy between two writes; run it again to resume. */
  signal?: AbortSignal;
}

/** The target holds events that are not the start of the source's log: copying onto it would mix two logs. */
export class TargetNotACopyError extends Error {
  constructor(detail: string) {
    super(
      `The target event store is neither empty nor an earlier copy of the source (${detail}); nothing was ` +
        'copied. Copy into an empty store.',
    );
    this.name = 'TargetNotACopyError';
  }
}

/**
 * Copies every event of one store's log to another in log order, keeping each event's id, stream, revision,
 * type, data and metadata (so the audit hash chain still verifies on the copy). Each write names the revision the
 * source had, and is atomic, so the target always holds a prefix of the source: a run that was stopped (a signal,
 * a crash, a lost connection) is resumed by running it again, which skips the events already there; a complete
 * copy run again writes nothing. Event ids make a write that was committed but not acknowledged safe to repeat.
 */
export async function copyEventLog(
  from: EventStore,
  to: EventStore,
  options: CopyEventLogOptions = {},
): Promise<CopyProgress> {
  const pageSize = options.pageSize ?? 500;
  const eventsPerWrite = options.eventsPerWrite ?? 500;
  for (const [name, value] of [
    ['pageSize', pageSize],
    ['eventsPerWrite', eventsPerWrite],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`${name} must be an integer ≥ 1, got ${String(value)}.`);
    }
  }
  const report = (progress: CopyProgress) => {
    options.onProgress?.(progress);
    return progress;
  };

  report({ phase: 'comparing', total: 0, alreadyCopied: 0, copied: 0 });
  const { total, alreadyCopied, resumeAfter } = await compareLogs(from, to, pageSize);
  const progress: CopyProgress = { phase: 'copying', total, alreadyCopied, copied: 0 };
  report({ ...progress });

  let writes: StreamWrite[] = [];
  let pending = 0;
  const flush = async () => {
    if (pending === 0) return;
    options.signal?.throwIfAborted();
    if (writes.length === 1) await to.append(writes[0].streamId, writes[0].events, writes[0].expected);
    else await to.appendToStreams(writes);
    progress.copied += pending;
    [writes, pending] = [[], 0];
    report({ ...progress });
  };
  for await (const event of pages(from, resumeAfter, pageSize)) {
    const last = writes.at(-1);
    if (last?.streamId !== event.streamId && writes.some((write) => write.streamId === event.streamId)) {
      // One write per stream in an atomic multi-stream write, and log order kept: this event starts the next.
      await flush();
    }
    const copy: NewEvent = { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
    const current = writes.at(-1);
    if (current?.streamId === event.streamId) {
      (current.events as NewEvent[]).push(copy);
    } else {
      const expected = event.revision === 0 ? 'no_stream' : event.revision - 1;
      writes.push({ streamId: event.streamId, events: [copy], expected });
    }
    if (++pending >= eventsPerWrite) await flush();
  }
  await flush();
  return report({ ...progress, phase: 'done' });
}

/**
 * Reads both logs side by side: the target must hold a prefix of the source (the same ids, in the same streams
 * at the same revisions, in the same order). Returns the size of the source and where the copy should go on.
 */
async function compareLogs(
  from: EventStore,
  to: EventStore,
  pageSize: number,
): Promise<{ total: number; alreadyCopied: number; resumeAfter: bigint | undefined }> {
  const target = pages(to, undefined, pageSize)[Symbol.asyncIterator]();
  let total = 0;
  let alreadyCopied = 0;
  let resumeAfter: bigint | undefined;
  let targetDone = false;
  for await (const event of pages(from, undefined, pageSize)) {
    total++;
    if (targetDone) continue;
    const next = await target.next();
    if (next.done) {
      targetDone = true;
      continue;
    }
    const copy = next.value;
    if (copy.id !== event.id || copy.streamId !== event.streamId || copy.revision !== event.revision) {
      throw new TargetNotACopyError(
        `its event number ${alreadyCopied + 1} is ${copy.id} in ${copy.streamId} at revision ${copy.revision}, ` +
          `the source's is ${event.id} in ${event.streamId} at revision ${event.revision}`,
      );
    }
    alreadyCopied++;
    resumeAfter = event.position;
  }
  if (!targetDone) {
    const extra = await target.next();
    if (!extra.done) {
      throw new TargetNotACopyError(
        `it holds ${extra.value.id} in ${extra.value.streamId}, which the source has not`,
      );
    }
  }
  return { total, alreadyCopied, resumeAfter };
}

async function* pages(store: EventStore, after: bigint | undefined, pageSize: number) {
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    cursor = page[page.length - 1].position;
  }
}
