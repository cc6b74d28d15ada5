import {
  FINDING_CATEGORIES,
  type ActionStatus,
  type CalendarDate,
  type FindingCategory,
} from '@actionledger/domain';
import { isOverdue } from '../inspection-plan/plan-rag.rule';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { optionalBoolean, optionalOneOf, optionalText } from '../paging/query-params';
import { afterCursor, withPlanContext, type ActionListItem } from '../plans/action-context';
import type { ActionDoc } from '../plans/plan-documents';
import { beginQuery, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import { actionsListKey } from './actions-list.index';

export const ACTION_STATUSES: readonly ActionStatus[] = [
  'planned',
  'assigned',
  'completed',
  'verified',
  'withdrawn',
];

export interface ActionsFilter {
  status?: ActionStatus;
  category?: FindingCategory;
  ownerId?: string;
  inspectionId?: string;
  overdue?: boolean;
}

export function parseActionsQuery(raw: Record<string, unknown>): ActionsFilter & {
  limit: number;
  cursor: string | null;
} {
  return {
    status: optionalOneOf(raw, 'status', ACTION_STATUSES),
    category: optionalOneOf(raw, 'category', FINDING_CATEGORIES),
    ownerId: optionalText(raw, 'ownerId'),
    inspectionId: optionalText(raw, 'inspectionId'),
    overdue: optionalBoolean(raw, 'overdue'),
    limit: parseLimit(raw.limit),
    cursor: parseCursor(raw.cursor),
  };
}

/** Pure: whether an action passes every filter, judged today. */
export function matchesActionsFilter(action: ActionDoc, filter: ActionsFilter, today: CalendarDate): boolean {
  return (
    (filter.status === undefined || action.status === filter.status) &&
    (filter.category === undefined || action.category === filter.category) &&
    (filter.ownerId === undefined || action.ownerId === filter.ownerId) &&
    (filter.inspectionId === undefined || action.inspectionId === filter.inspectionId) &&
    (filter.overdue === undefined || isOverdue(action, today) === filter.overdue)
  );
}

const memberOf = (action: ActionDoc) => `${action.sequence}|${action.actionId}`;
const SCAN_CHUNK = 200;

/**
 * `GET /api/actions`: actions across plans, in plan order, filtered. It reads the owner's index when an owner
 * is named, the inspection's actions when an inspection is, else the organisation's, a chunk at a time.
 */
export async function listActions(
  context: ReadModelContext,
  organisationId: string,
  raw: Record<string, unknown> = {},
): Promise<Page<ActionListItem>> {
  const query = parseActionsQuery(raw);
  const today = await beginQuery(context);
  const wanted = query.limit + 1;
  const found: ActionDoc[] = [];
  if (query.inspectionId !== undefined && query.ownerId === undefined) {
    const [inspection] = await readDocuments(context, organisationId, 'inspection', [query.inspectionId]);
    const findings = await readDocuments(context, organisationId, 'finding', inspection?.findingIds ?? []);
    const actions = await readDocuments(
      context,
      organisationId,
      'action',
      findings.flatMap((finding) => finding.actionIds),
    );
    found.push(
      ...actions
        .filter(
          (action) =>
            (query.cursor === null || memberOf(action) > query.cursor) &&
            matchesActionsFilter(action, query, today),
        )
        .sort((a, b) => (memberOf(a) < memberOf(b) ? -1 : 1))
        .slice(0, wanted),
    );
  } else {
    const key = actionsListKey(context.keys, organisationId, query.ownerId);
    let from = afterCursor(query.cursor);
    while (found.length < wanted) {
      const members = await context.redis.zrange(key, from, '+', 'BYLEX', 'LIMIT', 0, SCAN_CHUNK);
      if (members.length === 0) break;
      const actions = await readDocuments(
        context,
        organisationId,
        'action',
        members.map((member) => member.slice(member.indexOf('|') + 1)),
      );
      found.push(...actions.filter((action) => matchesActionsFilter(action, query, today)));
      from = `(${members[members.length - 1]}`;
      if (members.length < SCAN_CHUNK) break;
    }
  }
  const page = found.slice(0, query.limit);
  const items = await withPlanContext(context, organisationId, page, today);
  return pageOf(items, page.map(memberOf), found.length > query.limit);
}
