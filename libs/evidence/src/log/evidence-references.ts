import type { ActionPlanned, EvidenceAttached } from '@actionledger/domain';
import type { EventStore, StoredEvent } from '@actionledger/event-store';

const PAGE = 1000;

/** One attachment of a blob, as the log records it. */
export interface EvidenceReference {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  actionId: string;
  /** The organisation of the action it is attached to. */
  organisationId: string | null;
  attachedBy: string;
  attachedAt: string;
  position: bigint;
}

export const isEvidenceAttached = (
  event: StoredEvent,
): event is StoredEvent<'EvidenceAttached', EvidenceAttached['data']> => event.type === 'EvidenceAttached';

const isActionPlanned = (event: StoredEvent): event is StoredEvent<'ActionPlanned', ActionPlanned['data']> =>
  event.type === 'ActionPlanned';

/**
 * Follows the log's attachments: which organisation's action each blob is attached to, under which name.
 * Feed it events in log order; `ActionPlanned` tells it each action's organisation.
 */
export class EvidenceReferences {
  private readonly organisationOfAction = new Map<string, string>();
  private readonly bySha256 = new Map<string, EvidenceReference[]>();

  add(event: StoredEvent): void {
    if (isActionPlanned(event)) {
      this.organisationOfAction.set(event.data.actionId, event.data.organisationId);
    } else if (isEvidenceAttached(event)) {
      const { sha256, fileName, mediaType, size, actionId, attachedBy, attachedAt } = event.data;
      const organisationId =
        this.organisationOfAction.get(actionId) ?? event.metadata.actor.organisationId ?? null;
      const reference = {
        sha256,
        fileName,
        mediaType,
        size,
        actionId,
        organisationId,
        attachedBy,
        attachedAt,
      };
      this.bySha256.set(sha256, [
        ...(this.bySha256.get(sha256) ?? []),
        { ...reference, position: event.position },
      ]);
    }
  }

  /** Every attachment of the blob, oldest first. */
  of(sha256: string): readonly EvidenceReference[] {
    return this.bySha256.get(sha256) ?? [];
  }

  /** Every blob the log references, with its attachments. */
  all(): ReadonlyMap<string, readonly EvidenceReference[]> {
    return this.bySha256;
  }
}

/** Reads the whole log, page by page, into `references`; returns the last position read. */
export async function readEvidenceReferences(
  store: EventStore,
  references = new EvidenceReferences(),
  after = 0n,
): Promise<{ references: EvidenceReferences; position: bigint }> {
  let position = after;
  for (;;) {
    const page = await store.readAll({ after: position, limit: PAGE });
    for (const event of page) references.add(event);
    if (page.length > 0) position = page[page.length - 1].position;
    if (page.length < PAGE) return { references, position };
  }
}
