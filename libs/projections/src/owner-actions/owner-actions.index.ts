import { counts } from '../plans/plan-documents';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { IndexEntry } from '../redis/redis-write';
import type { ActionDoc } from '../plans/plan-documents';
import { isOpen } from '../overdue-report/open-actions.index';

export const ownerOpenActionsKey = (keys: ProjectionKeys, organisationId: string, ownerId: string): string =>
  keys.index(organisationId, 'owner', ownerId, 'open');

/** An owner's open actions, soonest due first (`YYYY-MM-DD|id`). */
export function ownerActionsEntries(keys: ProjectionKeys, doc: ActionDoc | null): IndexEntry[] {
  if (!doc || !counts(doc) || !isOpen(doc) || doc.ownerId === null) return [];
  return [
    {
      key: ownerOpenActionsKey(keys, doc.organisationId, doc.ownerId),
      member: `${doc.dueDate}|${doc.actionId}`,
    },
  ];
}
