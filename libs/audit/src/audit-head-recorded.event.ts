/** The stream that keeps the recorded audit heads, one event per head, each chaining to the one before. */
export const auditHeadStreamId = (): string => 'audit-heads';

/**
 * An audit head, recorded in the log as minuted: `previousDigest` is the head recorded before it (null for the
 * first), so the recorded heads form a chain of their own. `position` is a decimal string: a log position may
 * exceed what a JSON number holds exactly.
 */
export interface AuditHeadRecorded {
  type: 'AuditHeadRecorded';
  data: { digest: string; position: string; streams: number; previousDigest: string | null };
}

export function isAuditHeadRecorded<Event extends { type: string; data: unknown }>(
  event: Event,
): event is Event & AuditHeadRecorded {
  return event.type === 'AuditHeadRecorded';
}
