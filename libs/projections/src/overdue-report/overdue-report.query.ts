import { FINDING_CATEGORIES, type CalendarDate, type FindingCategory } from '@actionledger/domain';
import { daysBetween } from '../calendar/london-date';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { optionalOneOf } from '../paging/query-params';
import { afterCursor, withPlanContext, type ActionListItem } from '../plans/action-context';
import type { ActionDoc } from '../plans/plan-documents';
import { beginQuery, idOfMember, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import { DUE_AGAINST, openActionsKey, type DueAgainst } from './open-actions.index';

export interface OverdueQuery {
  against: DueAgainst;
  category?: FindingCategory;
  limit: number;
  cursor: string | null;
}

export interface OverdueItem extends ActionListItem {
  /** The date it is judged against: its current due date, or its original one. */
  judgedAgainst: CalendarDate;
  daysOverdue: number;
}

export function parseOverdueQuery(raw: Record<string, unknown>): OverdueQuery {
  return {
    against: optionalOneOf(raw, 'against', DUE_AGAINST) ?? 'current',
    category: optionalOneOf(raw, 'category', FINDING_CATEGORIES),
    limit: parseLimit(raw.limit),
    cursor: parseCursor(raw.cursor),
  };
}

/** Pure: how many days past the date it is judged against an open action is, today. */
export function daysOverdue(action: ActionDoc, against: DueAgainst, today: CalendarDate): number {
  const date = against === 'current' ? action.dueDate : (action.originalDueDate ?? action.dueDate);
  return date === null ? 0 : Math.max(0, daysBetween(date, today));
}

/**
 * `GET /api/reports/overdue`: open actions past their due date (or their original one), most overdue first.
 * Overdue is judged now, on England's calendar: the index holds due dates, not verdicts.
 */
export async function overdueReport(
  context: ReadModelContext,
  organisationId: string,
  raw: Record<string, unknown> = {},
): Promise<Page<OverdueItem> & { today: CalendarDate; against: DueAgainst }> {
  const query = parseOverdueQuery(raw);
  const today = await beginQuery(context);
  const members = await context.redis.zrange(
    openActionsKey(context.keys, organisationId, query.against, query.category),
    afterCursor(query.cursor),
    `(${today}`,
    'BYLEX',
    'LIMIT',
    0,
    query.limit + 1,
  );
  const page = members.slice(0, query.limit);
  const actions = await readDocuments(context, organisationId, 'action', page.map(idOfMember));
  const items = (await withPlanContext(context, organisationId, actions, today)).map((item, index) => ({
    ...item,
    judgedAgainst: page[index].slice(0, 10),
    daysOverdue: daysOverdue(actions[index], query.against, today),
  }));
  return { ...pageOf(items, page, members.length > query.limit), today, against: query.against };
}
