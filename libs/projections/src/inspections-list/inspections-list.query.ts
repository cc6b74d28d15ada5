import { PLAN_RAG_RULE } from '../inspection-plan/plan-rag.rule';
import { readPlanDocuments } from '../inspection-plan/inspection-plan.query';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { beginQuery, idOfMember, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import { summariseInspection, type InspectionSummary } from './inspection-summary';

/** `GET /api/inspections`: the organisation's inspections, newest first, with counts and their plan's RAG. */
export async function listInspections(
  context: ReadModelContext,
  organisationId: string,
  query: Record<string, unknown> = {},
): Promise<Page<InspectionSummary> & { ragRule: typeof PLAN_RAG_RULE }> {
  const limit = parseLimit(query.limit);
  const cursor = parseCursor(query.cursor);
  const today = await beginQuery(context);
  const members = await context.redis.zrange(
    context.keys.index(organisationId, 'inspections'),
    cursor === null ? '+' : `(${cursor}`,
    '-',
    'BYLEX',
    'REV',
    'LIMIT',
    0,
    limit + 1,
  );
  const page = members.slice(0, limit);
  const inspections = await readDocuments(context, organisationId, 'inspection', page.map(idOfMember));
  const { findings, actions } = await readPlanDocuments(context, organisationId, inspections);
  const items = inspections.map((inspection) =>
    summariseInspection(
      inspection,
      findings.filter((finding) => finding.inspectionId === inspection.inspectionId),
      actions.filter((action) => action.inspectionId === inspection.inspectionId),
      today,
    ),
  );
  return { ...pageOf(items, page, members.length > limit), ragRule: PLAN_RAG_RULE };
}
