import { counts } from '../plans/plan-documents';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { IndexEntry } from '../redis/redis-write';
import type { InspectionDoc } from '../plans/plan-documents';

/** Newest first means: by letter date, else by the last day of the inspection. */
export function inspectionSortDate(doc: InspectionDoc): string {
  return doc.letterDate ?? doc.inspectionDates[doc.inspectionDates.length - 1] ?? doc.recordedAt.slice(0, 10);
}

/** `{prefix}:{org}:ix:inspections`: every inspection of the organisation as `date|recordedAt|id`. */
export function inspectionsListEntries(keys: ProjectionKeys, doc: InspectionDoc | null): IndexEntry[] {
  if (!doc || !counts(doc)) return [];
  return [
    {
      key: keys.index(doc.organisationId, 'inspections'),
      member: `${inspectionSortDate(doc)}|${doc.recordedAt}|${doc.inspectionId}`,
    },
  ];
}
