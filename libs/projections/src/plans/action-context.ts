import type { CalendarDate } from '@actionledger/domain';
import { actionView, type PlanActionView } from '../inspection-plan/inspection-plan.view';
import type { ActionDoc } from './plan-documents';
import { readDocuments, type ReadModelContext } from './read-model.context';

/** An action as lists across plans show it: with its finding and its inspection. */
export interface ActionListItem extends PlanActionView {
  category: string;
  finding: { findingId: string; text: string } | null;
  inspection: { inspectionId: string; authority: string; letterDate: CalendarDate | null } | null;
}

/** Adds each action's finding and inspection (two reads for the whole list). */
export async function withPlanContext(
  context: ReadModelContext,
  organisationId: string,
  actions: readonly ActionDoc[],
  today: CalendarDate,
): Promise<ActionListItem[]> {
  const unique = (ids: string[]) => [...new Set(ids)];
  const findings = await readDocuments(
    context,
    organisationId,
    'finding',
    unique(actions.map((a) => a.findingId)),
  );
  const inspections = await readDocuments(
    context,
    organisationId,
    'inspection',
    unique(actions.map((a) => a.inspectionId)),
  );
  const findingById = new Map(findings.map((finding) => [finding.findingId, finding]));
  const inspectionById = new Map(inspections.map((inspection) => [inspection.inspectionId, inspection]));
  return actions.map((action) => {
    const finding = findingById.get(action.findingId);
    const inspection = inspectionById.get(action.inspectionId);
    return {
      ...actionView(action, today),
      category: action.category,
      finding: finding ? { findingId: finding.findingId, text: finding.text } : null,
      inspection: inspection
        ? {
            inspectionId: inspection.inspectionId,
            authority: inspection.authority,
            letterDate: inspection.letterDate,
          }
        : null,
    };
  });
}

/** Lexicographic range bounds for ZRANGE BYLEX: after a cursor member (exclusive), else from the start. */
export const afterCursor = (cursor: string | null): string => (cursor === null ? '-' : `(${cursor}`);
