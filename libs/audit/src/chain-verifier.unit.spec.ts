import type { StoredEvent } from '@actionledger/event-store';
import { ChainVerifier } from './chain-verifier';
import { chainEvents, eventHash } from './event-chain';
import { chainedLog, progressNote, testMetadata } from './testing/chained-events';

/** The first break when the log is checked in the order given, or undefined. */
function firstBreak(log: readonly StoredEvent[]) {
  const verifier = new ChainVerifier();
  for (const event of log) {
    const broken = verifier.check(event);
    if (broken) return broken;
  }
  return undefined;
}

/** Re-hashes events from `from` on in their own streams, as an operator covering an edit would. */
function rehash(log: StoredEvent[], from: number): StoredEvent[] {
  const heads = new Map<string, string | null>();
  return log.map((event, index) => {
    const previousHash = index < from ? event.metadata.previousHash : (heads.get(event.streamId) ?? null);
    const metadata = { ...event.metadata, previousHash };
    const rewritten =
      index < from ? event : { ...event, metadata: { ...metadata, hash: eventHash({ ...event, metadata }) } };
    heads.set(event.streamId, rewritten.metadata.hash as string);
    return rewritten;
  });
}

describe('checking a log against its hash chain', () => {
  // Two streams interleaved: positions 1, 3, 5 are action-0, positions 2, 4, 6 are action-1.
  const log = chainedLog(2, 3);

  it('finds nothing wrong with an intact log and counts what it checked', () => {
    const verifier = new ChainVerifier();
    expect(log.map((event) => verifier.check(event))).toEqual(log.map(() => undefined));
    expect({ events: verifier.events, streams: verifier.streams }).toEqual({ events: 6, streams: 2 });
    expect(verifier.headOf('action-1')).toEqual({ revision: 2, hash: log[5].metadata.hash });
  });

  it('names an event whose data was edited, with the hash it carries and the one its content gives', () => {
    const edited = [...log];
    edited[2] = { ...log[2], data: { note: 'action-0 note 1, edited' } };
    expect(firstBreak(edited)).toMatchObject({
      kind: 'hash',
      streamId: 'action-0',
      revision: 1,
      position: 3n,
      found: log[2].metadata.hash,
      expected: eventHash(edited[2]),
      message: expect.stringMatching(
        /^Stream action-0, revision 1 \(ProgressRecorded, log position 3\): its stored content hashes to [0-9a-f]{64}, but it carries hash [0-9a-f]{64}: the event was changed after it was written\.$/,
      ),
    });
  });

  it('names the missing revision when an event in the middle of a stream was deleted', () => {
    const deleted = log.filter((_, index) => index !== 2);
    expect(firstBreak(deleted)).toMatchObject({
      kind: 'revision',
      streamId: 'action-0',
      revision: 2,
      expected: 'revision 1',
      found: 'revision 2',
      message: expect.stringContaining('revision 1 is missing from the log'),
    });
  });

  it('names a stream whose first events were deleted', () => {
    const deleted = log.filter((_, index) => index !== 0 && index !== 2);
    expect(firstBreak(deleted)).toMatchObject({
      kind: 'revision',
      streamId: 'action-0',
      revision: 2,
      message: expect.stringContaining('revisions 0–1 are missing'),
    });
  });

  it('catches two events of one stream whose contents were swapped', () => {
    const swapped = [...log];
    swapped[2] = { ...log[2], data: log[4].data, metadata: log[4].metadata };
    swapped[4] = { ...log[4], data: log[2].data, metadata: log[2].metadata };
    expect(firstBreak(swapped)).toMatchObject({
      kind: 'previous-hash',
      streamId: 'action-0',
      revision: 1,
      expected: log[0].metadata.hash,
      found: log[2].metadata.hash,
    });
  });

  it('catches events moved out of order within their stream', () => {
    const reordered = [log[0], log[1], log[4], log[3], log[2], log[5]];
    expect(firstBreak(reordered)).toMatchObject({
      kind: 'revision',
      streamId: 'action-0',
      revision: 2,
      message: expect.stringContaining('revision 1 is missing'),
    });
    const repeated = [log[0], log[2], log[2]];
    expect(firstBreak(repeated)?.message).toContain('which the stream already passed');
  });

  it('catches the first events of two streams swapped between them', () => {
    const swapped = [...log];
    swapped[0] = { ...log[0], data: log[1].data, metadata: log[1].metadata };
    swapped[1] = { ...log[1], data: log[0].data, metadata: log[0].metadata };
    expect(firstBreak(swapped)).toMatchObject({ kind: 'hash', streamId: 'action-0', revision: 0 });
  });

  it('names an event without a chain in a sentence of its own', () => {
    const unchained = [...log];
    const { previousHash: _p, hash: _h, ...metadata } = log[3].metadata;
    unchained[3] = { ...log[3], metadata: metadata as StoredEvent['metadata'] };
    expect(firstBreak(unchained)).toMatchObject({
      kind: 'unchained',
      streamId: 'action-1',
      revision: 1,
      message:
        'Stream action-1, revision 1 (ProgressRecorded, log position 4) carries no hash chain (its metadata has ' +
        'no previousHash and hash): it was written without the chain, or its chain was stripped.',
    });
  });

  it('catches a first event that claims a predecessor', () => {
    const claimed = [{ ...log[0], metadata: { ...log[0].metadata, previousHash: log[5].metadata.hash } }];
    expect(firstBreak(claimed)).toMatchObject({ kind: 'previous-hash', expected: 'null' });
  });

  it('lets an edit re-hashed with its successors through, but not past the audit head', () => {
    const before = new ChainVerifier();
    log.forEach((event) => before.check(event));
    const edited = [...log];
    edited[2] = { ...log[2], data: { note: 'rewritten' } };
    const covered = rehash(edited, 2);
    expect(firstBreak(covered)).toBeUndefined();
    const after = new ChainVerifier();
    covered.forEach((event) => after.check(event));
    expect(after.auditHead(6n).digest).not.toBe(before.auditHead(6n).digest);
  });

  it('hashes an event written with undefined fields as the store gives it back', () => {
    const [event] = chainEvents('action-9', 0, null, [
      { ...progressNote('n'), metadata: { ...testMetadata(), reason: undefined } },
    ]);
    const stored = JSON.parse(JSON.stringify({ ...event, streamId: 'action-9', revision: 0 }));
    expect(stored.metadata).not.toHaveProperty('reason');
    expect(firstBreak([{ ...stored, position: 1n }])).toBeUndefined();
  });
});
