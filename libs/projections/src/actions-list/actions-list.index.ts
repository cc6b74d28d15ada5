import { counts } from '../plans/plan-documents';
import type { ProjectionKeys } from '../redis/projection-keys';
import type { IndexEntry } from '../redis/redis-write';
import type { ActionDoc } from '../plans/plan-documents';

export const actionsListKey = (keys: ProjectionKeys, organisationId: string, ownerId?: string): string =>
  ownerId === undefined
    ? keys.index(organisationId, 'actions')
    : keys.index(organisationId, 'actions', 'owner', ownerId);

/** Every action in plan order (`sequence|id`), and each owner's, whatever their status. */
export function actionsListEntries(keys: ProjectionKeys, doc: ActionDoc | null): IndexEntry[] {
  if (!doc || !counts(doc)) return [];
  const member = `${doc.sequence}|${doc.actionId}`;
  const entries = [{ key: actionsListKey(keys, doc.organisationId), member }];
  if (doc.ownerId !== null)
    entries.push({ key: actionsListKey(keys, doc.organisationId, doc.ownerId), member });
  return entries;
}
