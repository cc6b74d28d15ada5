import { FINDING_CATEGORIES, type CalendarDate, type FindingCategory } from '@actionledger/domain';
import { addDays, daysBetween } from '../calendar/london-date';
import { openActionsKey } from '../overdue-report/open-actions.index';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { integerInRange, optionalOneOf } from '../paging/query-params';
import { withPlanContext, type ActionListItem } from '../plans/action-context';
import { beginQuery, idOfMember, readDocuments, type ReadModelContext } from '../plans/read-model.context';

export const DUE_SOON_DAYS = { min: 0, max: 366, default: 14 };

export interface DueSoonQuery {
  days: number;
  category?: FindingCategory;
  limit: number;
  cursor: string | null;
}

export function parseDueSoonQuery(raw: Record<string, unknown>): DueSoonQuery {
  return {
    days: integerInRange(raw, 'days', DUE_SOON_DAYS),
    category: optionalOneOf(raw, 'category', FINDING_CATEGORIES),
    limit: parseLimit(raw.limit),
    cursor: parseCursor(raw.cursor),
  };
}

/** The index range of open actions due from today to `days` days ahead, both included (BYLEX bounds). */
export function dueSoonRange(today: CalendarDate, days: number, cursor: string | null): [string, string] {
  return [cursor === null ? `[${today}` : `(${cursor}`, `(${addDays(today, days + 1)}`];
}

/** `GET /api/reports/due-soon?days=14`: open actions due today or within `days` days, soonest first. */
export async function dueSoonReport(
  context: ReadModelContext,
  organisationId: string,
  raw: Record<string, unknown> = {},
): Promise<Page<ActionListItem & { daysUntilDue: number }> & { today: CalendarDate; days: number }> {
  const query = parseDueSoonQuery(raw);
  const today = await beginQuery(context);
  const [from, to] = dueSoonRange(today, query.days, query.cursor);
  const members = await context.redis.zrange(
    openActionsKey(context.keys, organisationId, 'current', query.category),
    from,
    to,
    'BYLEX',
    'LIMIT',
    0,
    query.limit + 1,
  );
  const page = members.slice(0, query.limit);
  const actions = await readDocuments(context, organisationId, 'action', page.map(idOfMember));
  const items = (await withPlanContext(context, organisationId, actions, today)).map((item) => ({
    ...item,
    daysUntilDue: item.dueDate === null ? 0 : daysBetween(today, item.dueDate),
  }));
  return { ...pageOf(items, page, members.length > query.limit), today, days: query.days };
}
