import { readPlanDocuments } from '../inspection-plan/inspection-plan.query';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { beginQuery, idOfMember, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import { followUpsIndexKey, type FollowUpDoc } from './follow-ups.projection';
import { buildFollowUpView, type FollowUpView } from './follow-ups.view';

/** `GET /api/follow-ups`: upcoming follow-ups (expected today or later), soonest first, with their readiness. */
export async function listFollowUps(
  context: ReadModelContext,
  organisationId: string,
  raw: Record<string, unknown> = {},
): Promise<Page<FollowUpView>> {
  const limit = parseLimit(raw.limit);
  const cursor = parseCursor(raw.cursor);
  const today = await beginQuery(context);
  const members = await context.redis.zrange(
    followUpsIndexKey(context.keys, organisationId),
    cursor === null ? `[${today}` : `(${cursor}`,
    '+',
    'BYLEX',
    'LIMIT',
    0,
    limit + 1,
  );
  const page = members.slice(0, limit);
  const ids = page.map(idOfMember);
  const values = ids.length
    ? await context.redis.hmget(context.keys.documents(organisationId, 'follow-up'), ...ids)
    : [];
  const followUps = values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as FollowUpDoc);
  const inspections = await readDocuments(context, organisationId, 'inspection', [
    ...new Set(followUps.map((followUp) => followUp.followsInspectionId)),
  ]);
  const { findings, actions } = await readPlanDocuments(context, organisationId, inspections);
  const items = followUps.map((followUp) => {
    const inspection = inspections.find((i) => i.inspectionId === followUp.followsInspectionId) ?? null;
    const own = findings.filter((finding) => finding.inspectionId === followUp.followsInspectionId);
    return buildFollowUpView(followUp, inspection, own, actions);
  });
  return pageOf(items, page, members.length > limit);
}

/** `GET /api/follow-ups/:id`: one follow-up, past or upcoming, as the list shows it; null if it is not there. */
export async function getFollowUp(
  context: ReadModelContext,
  organisationId: string,
  followUpId: string,
): Promise<FollowUpView | null> {
  await beginQuery(context);
  const value = await context.redis.hget(context.keys.documents(organisationId, 'follow-up'), followUpId);
  if (value === null) return null;
  const followUp = JSON.parse(value) as FollowUpDoc;
  const inspections = await readDocuments(context, organisationId, 'inspection', [
    followUp.followsInspectionId,
  ]);
  const { findings, actions } = await readPlanDocuments(context, organisationId, inspections);
  const own = findings.filter((finding) => finding.inspectionId === followUp.followsInspectionId);
  return buildFollowUpView(followUp, inspections[0] ?? null, own, actions);
}
