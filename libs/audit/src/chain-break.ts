/**
 * The first place where the stored log stops matching its hash chain, and why, in a sentence an operator can act
 * on. `expected` and `found` are what the chain called for and what the store holds at that link.
 */
export interface ChainBreak {
  kind: 'revision' | 'unchained' | 'previous-hash' | 'hash';
  streamId: string;
  revision: number;
  position: bigint;
  eventType: string;
  expected: string;
  found: string;
  message: string;
}

/** Where a break is, as the start of its sentence: "Stream action-1, revision 3 (ActionAssigned, position 17)". */
export interface BrokenEvent {
  streamId: string;
  revision: number;
  position: bigint;
  type: string;
}

const at = (event: BrokenEvent) =>
  `Stream ${event.streamId}, revision ${event.revision} (${event.type}, log position ${event.position})`;

const brokenAt = (
  event: BrokenEvent,
  kind: ChainBreak['kind'],
  expected: string,
  found: string,
  message: string,
): ChainBreak => ({
  kind,
  streamId: event.streamId,
  revision: event.revision,
  position: event.position,
  eventType: event.type,
  expected,
  found,
  message,
});

export function revisionBreak(event: BrokenEvent, expectedRevision: number): ChainBreak {
  const expected = `revision ${expectedRevision}`;
  const found = `revision ${event.revision}`;
  const message =
    event.revision > expectedRevision
      ? `${at(event)}: expected revision ${expectedRevision} here, found ${event.revision}; ` +
        `${expectedRevision === event.revision - 1 ? `revision ${expectedRevision} is` : `revisions ${expectedRevision}–${event.revision - 1} are`} ` +
        'missing from the log (deleted, or moved after this event).'
      : `${at(event)}: expected revision ${expectedRevision} here, found ${event.revision}, which the stream already ` +
        'passed: its events are out of order or repeated.';
  return brokenAt(event, 'revision', expected, found, message);
}

export function unchainedBreak(event: BrokenEvent): ChainBreak {
  return brokenAt(
    event,
    'unchained',
    'metadata with previousHash and hash',
    'no hash chain',
    `${at(event)} carries no hash chain (its metadata has no previousHash and hash): it was written without ` +
      'the chain, or its chain was stripped.',
  );
}

export function previousHashBreak(event: BrokenEvent, expected: string | null, found: unknown): ChainBreak {
  const shown = typeof found === 'string' ? found : JSON.stringify(found);
  const message =
    expected === null
      ? `${at(event)}: a stream's first event links to no previous event (previousHash null), but this one ` +
        `links to ${shown}: events before it were removed, or it was moved here.`
      : `${at(event)}: expected previousHash ${expected} (the hash of revision ${event.revision - 1}), found ` +
        `${shown}: an event before it was changed, removed or swapped.`;
  return brokenAt(event, 'previous-hash', String(expected), shown, message);
}

export function hashBreak(event: BrokenEvent, computed: string, stored: unknown): ChainBreak {
  const shown = typeof stored === 'string' ? stored : JSON.stringify(stored);
  return brokenAt(
    event,
    'hash',
    computed,
    shown,
    `${at(event)}: its stored content hashes to ${computed}, but it carries hash ${shown}: the event was ` +
      'changed after it was written.',
  );
}
