import type { StoredEvent } from '@actionledger/event-store';

/** One step of the trail as people read it: who (name and role), when, what changed, and why. */
export interface TrailEntry {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  occurredAt: string;
  who: { userId: string; name: string; role: string };
  /** Field → before and after, for the changes a board asks about: owners, due dates, roles. */
  changes: Record<string, { before: unknown; after: unknown }>;
  why: string | null;
  hash: string | null;
  /** For `EvidenceAttached`: the file, as the log names it (the bytes are in the evidence store). */
  evidence?: { fileName: string; mediaType: string; size: number; sha256: string; note: string | null };
}

type Names = (userId: string) => string;

/** The before → after of an event, where the event carries both (owners are shown by name). */
function changesOf(event: StoredEvent, nameOf: Names): TrailEntry['changes'] {
  const data = event.data as Record<string, unknown>;
  const owner = (id: unknown) => (typeof id === 'string' ? nameOf(id) : null);
  switch (event.type) {
    case 'ActionAssigned':
      return {
        owner: { before: null, after: owner(data.ownerId) },
        dueDate: { before: null, after: data.dueDate },
      };
    case 'ActionReassigned':
      return {
        owner: { before: owner(data.previousOwnerId), after: owner(data.ownerId) },
        ...(data.previousDueDate !== undefined && {
          dueDate: { before: data.previousDueDate, after: data.dueDate },
        }),
      };
    case 'ActionRescheduled':
      return { dueDate: { before: data.previousDueDate, after: data.dueDate } };
    case 'UserRolesChanged':
      return { roles: { before: data.previousRoles, after: data.roles } };
    case 'EvidenceAttached':
      return {
        evidence: {
          before: null,
          after: `${String(data.fileName)} (${Number(data.size).toLocaleString('en-GB')} bytes, sha256 ${String(data.sha256)})`,
        },
      };
    default:
      return {};
  }
}

/** Where an imported fact came from: the file, the row, and the start of the file's digest. */
function importedFrom(imported: unknown): string | null {
  if (!imported || typeof imported !== 'object') return null;
  const { fileName, digest, row } = imported as { fileName?: string; digest?: string; row?: number };
  const where = row === undefined ? '' : `, row ${row}`;
  return `Imported from ${fileName}${where} (SHA-256 ${digest?.slice(0, 12)}…).`;
}

export function trailEntryOf(event: StoredEvent, nameOf: Names): TrailEntry {
  const { actor, occurredAt, reason, hash } = event.metadata;
  const data = event.data as Record<string, unknown>;
  return {
    position: Number(event.position),
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    occurredAt,
    who: { userId: actor.userId, name: nameOf(actor.userId), role: actor.role },
    changes: changesOf(event, nameOf),
    why:
      reason ??
      (typeof data.reason === 'string' ? data.reason : null) ??
      importedFrom(event.metadata.imported),
    hash: typeof hash === 'string' ? hash : null,
    ...(event.type === 'EvidenceAttached' && { evidence: evidenceOf(data) }),
  };
}

function evidenceOf(data: Record<string, unknown>): NonNullable<TrailEntry['evidence']> {
  const { fileName, mediaType, size, sha256, note } = data as NonNullable<TrailEntry['evidence']>;
  return { fileName, mediaType, size, sha256, note: note ?? null };
}

/** The flat rows of a CSV download: one per step, changes written as "field: before → after". */
export function trailRow(entry: TrailEntry): Record<string, string | number> {
  return {
    position: entry.position,
    occurredAt: entry.occurredAt,
    stream: entry.streamId,
    revision: entry.revision,
    event: entry.type,
    who: entry.who.name,
    role: entry.who.role,
    changes: Object.entries(entry.changes)
      .map(([field, { before, after }]) => `${field}: ${String(before ?? '—')} → ${String(after ?? '—')}`)
      .join('; '),
    why: entry.why ?? '',
    hash: entry.hash ?? '',
  };
}
