import { canonicalize } from 'json-canonicalize';
import { chainEvents, eventHash } from './event-chain';

const metadata = {
  actor: { userId: 'u-1', role: 'lead', organisationId: 'o-1' },
  occurredAt: '2026-11-02T09:00:00Z',
};
const events = [
  { id: '11111111-1111-4111-8111-111111111111', type: 'ActionPlanned', data: { title: 'Audit' }, metadata },
  { id: '22222222-2222-4222-8222-222222222222', type: 'ActionAssigned', data: { ownerId: 'u-2' }, metadata },
];

describe('the event hash chain', () => {
  const chained = chainEvents('action-1', 0, null, events);

  it('links each event to the one before it, the first to the stream head', () => {
    expect(chained[0].metadata.previousHash).toBeNull();
    expect(chained[1].metadata.previousHash).toBe(chained[0].metadata.hash);
    expect(chainEvents('action-1', 2, chained[1].metadata.hash, events)[0].metadata.previousHash).toBe(
      chained[1].metadata.hash,
    );
  });

  it('hashes what the store keeps, so the hash can be checked from a stored event', () => {
    const stored = { ...chained[1], streamId: 'action-1', revision: 1 };
    expect(eventHash(stored)).toBe(chained[1].metadata.hash);
  });

  it('does not depend on the order of keys', () => {
    const stored = { ...chained[0], streamId: 'action-1', revision: 0 };
    const reordered = {
      ...stored,
      metadata: { hash: stored.metadata.hash, ...JSON.parse(JSON.stringify(stored.metadata)) },
    };
    expect(eventHash(reordered)).toBe(stored.metadata.hash);
  });

  it('changes with any byte of the data, the revision, the stream or the previous hash', () => {
    const stored = { ...chained[1], streamId: 'action-1', revision: 1 };
    const original = eventHash(stored);
    expect(eventHash({ ...stored, data: { ownerId: 'u-3' } })).not.toBe(original);
    expect(eventHash({ ...stored, revision: 2 })).not.toBe(original);
    expect(eventHash({ ...stored, streamId: 'action-2' })).not.toBe(original);
    expect(eventHash({ ...stored, metadata: { ...stored.metadata, previousHash: null } })).not.toBe(original);
  });
});

describe('chained events as stored', () => {
  it('keep their data and metadata in canonical key order, so that checking them later is a JSON.stringify', () => {
    const [event] = chainEvents('action-1', 0, null, [
      { id: events[0].id, type: 'ActionPlanned', data: { title: 'Audit', dueDate: '2027-01-01' }, metadata },
    ]);
    const { hash, ...rest } = event.metadata;
    expect(JSON.stringify(event.data)).toBe(canonicalize(event.data));
    expect(JSON.stringify(rest)).toBe(canonicalize(rest));
    expect(Object.keys(event.metadata).at(-1)).toBe('hash');
    expect(hash).toBe(eventHash({ ...event, streamId: 'action-1', revision: 0 }));
  });
});
