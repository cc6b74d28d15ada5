import type { EventStore } from '@actionledger/event-store';
import { EvidenceReferences, readEvidenceReferences, type EvidenceReference } from './evidence-references';

/**
 * Which blobs an organisation may download, as the log says now. It reads only what the log gained since its
 * last question, and catches up before every answer, so a file attached a moment ago can be downloaded at once.
 */
export class EvidenceCatalogue {
  private readonly references = new EvidenceReferences();
  private position = 0n;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  /** The blob's first attachment in the organisation (its name and type for a download), or null if none. */
  async attachmentFor(sha256: string, organisationId: string | null): Promise<EvidenceReference | null> {
    await this.catchUp();
    return (
      this.references.of(sha256).find((reference) => reference.organisationId === organisationId) ?? null
    );
  }

  /** Each call reads after the reads queued before it, so a caller always sees the log as of its call. */
  private catchUp(): Promise<void> {
    this.reading = this.reading
      .catch(() => undefined)
      .then(async () => {
        this.position = (await readEvidenceReferences(this.store, this.references, this.position)).position;
      });
    return this.reading;
  }
}
