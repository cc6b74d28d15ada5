import { counts } from '../plans/plan-documents';
import type { FindingCategory } from '@actionledger/domain';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { IndexEntry } from '../redis/redis-write';
import type { ActionDoc } from '../plans/plan-documents';

export type DueAgainst = 'current' | 'original';
export const DUE_AGAINST: readonly DueAgainst[] = ['current', 'original'];

/** An action is open while it is assigned and not completed: it is the one that can fall overdue. */
export function isOpen(doc: ActionDoc): doc is ActionDoc & { status: 'assigned'; dueDate: string } {
  return doc.status === 'assigned' && doc.dueDate !== null;
}

export const openActionsKey = (
  keys: ProjectionKeys,
  organisationId: string,
  against: DueAgainst,
  category?: FindingCategory,
): string =>
  category === undefined
    ? keys.index(organisationId, 'open', against)
    : keys.index(organisationId, 'open', against, category);

/**
 * Open actions by due date (`YYYY-MM-DD|id`, so the text order is the date order), by the current and by the
 * original due date, for all categories and for the action's own: overdue is then a range below today, due
 * soon a range from today, judged when the query runs.
 */
export function openActionsEntries(keys: ProjectionKeys, doc: ActionDoc | null): IndexEntry[] {
  if (!doc || !counts(doc) || !isOpen(doc)) return [];
  const entries: IndexEntry[] = [];
  for (const against of DUE_AGAINST) {
    const date = against === 'current' ? doc.dueDate : (doc.originalDueDate ?? doc.dueDate);
    const member = `${date}|${doc.actionId}`;
    entries.push({ key: openActionsKey(keys, doc.organisationId, against), member });
    entries.push({ key: openActionsKey(keys, doc.organisationId, against, doc.category), member });
  }
  return entries;
}
