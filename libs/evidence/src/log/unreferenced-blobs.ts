import type { EventStore } from '@actionledger/event-store';
import type { BlobListing, BlobStore } from '../blob-store.port';
import { readEvidenceReferences } from './evidence-references';

/** Long enough that no upload still on its way to the log (stored, not yet appended) is taken for garbage. */
export const GC_MIN_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Blobs that no event references and that were stored more than `minAgeMs` ago: what a crash between storing a
 * file and appending its `EvidenceAttached` leaves behind. Blobs are listed before the log is read, so a blob
 * referenced by the time the log is read is never in the answer.
 */
export async function findUnreferencedBlobs(
  store: EventStore,
  blobs: BlobStore,
  now: Date,
  minAgeMs = GC_MIN_AGE_MS,
): Promise<BlobListing[]> {
  const candidates: BlobListing[] = [];
  for await (const blob of blobs.list()) {
    if (now.getTime() - blob.storedAt.getTime() > minAgeMs) candidates.push(blob);
  }
  const { references } = await readEvidenceReferences(store);
  return candidates
    .filter((blob) => references.of(blob.sha256).length === 0)
    .sort((a, b) => a.storedAt.getTime() - b.storedAt.getTime());
}
