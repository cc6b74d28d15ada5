import type { CalendarDate } from '@actionledger/domain';
import { pageOf, parseCursor, parseLimit, type Page } from '../paging/paging';
import { afterCursor, withPlanContext, type ActionListItem } from '../plans/action-context';
import { beginQuery, idOfMember, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import { InvalidQueryError } from '../runner/projection.errors';
import { ownerOpenActionsKey } from './owner-actions.index';

/** `GET /api/owners/:ownerId/actions` (and `/api/me/actions`): the owner's open actions, soonest due first. */
export async function ownerActions(
  context: ReadModelContext,
  organisationId: string,
  ownerId: string,
  raw: Record<string, unknown> = {},
): Promise<Page<ActionListItem> & { today: CalendarDate }> {
  if (ownerId.trim() === '') throw new InvalidQueryError('ownerId', 'is required.');
  const limit = parseLimit(raw.limit);
  const cursor = parseCursor(raw.cursor);
  const today = await beginQuery(context);
  const members = await context.redis.zrange(
    ownerOpenActionsKey(context.keys, organisationId, ownerId),
    afterCursor(cursor),
    '+',
    'BYLEX',
    'LIMIT',
    0,
    limit + 1,
  );
  const page = members.slice(0, limit);
  const actions = await readDocuments(context, organisationId, 'action', page.map(idOfMember));
  const items = await withPlanContext(context, organisationId, actions, today);
  return { ...pageOf(items, page, members.length > limit), today };
}
