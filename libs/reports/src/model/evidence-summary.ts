import type { Person } from './committee-report';
import { dayOf } from './report-dates';

/**
 * The evidence an action's completion gave, as the report lists it: the descriptions on ActionCompleted. Files
 * attached to the action are listed apart (`evidenceFileOf`), since they stay attached when the action is reopened.
 */
export function evidenceOf(event: { type: string; data: Record<string, unknown> }): string[] {
  if (event.type !== 'ActionCompleted') return [];
  const evidence = event.data.evidence;
  return Array.isArray(evidence) ? evidence.filter((item): item is string => typeof item === 'string') : [];
}

/** A file attached to an action as evidence: what the board can open, and check by its SHA-256. */
export interface ReportEvidenceFile {
  fileName: string;
  size: number;
  sha256: string;
  attachedBy: Person;
  attachedOn: string;
}

export function evidenceFileOf(
  event: { type: string; occurredAt: string; data: Record<string, unknown> },
  person: (userId: string) => Person,
): ReportEvidenceFile | null {
  if (event.type !== 'EvidenceAttached') return null;
  const { fileName, size, sha256, attachedBy } = event.data as {
    fileName: string;
    size: number;
    sha256: string;
    attachedBy: string;
  };
  return { fileName, size, sha256, attachedBy: person(attachedBy), attachedOn: dayOf(event.occurredAt) };
}

/** "minutes.pdf (12 KB), attached by Jo Bloggs on 2026-11-03, SHA-256 1f2e…" as one line of the paper. */
export function describeEvidenceFile(file: ReportEvidenceFile): string {
  const size =
    file.size < 1024 ? `${file.size} bytes` : `${Math.round(file.size / 1024).toLocaleString('en-GB')} KB`;
  return `${file.fileName} (${size}), attached by ${file.attachedBy.name} on ${file.attachedOn}, SHA-256 ${file.sha256}`;
}
