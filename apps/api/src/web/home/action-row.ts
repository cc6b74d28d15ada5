import type { UserDirectory } from '@actionledger/auth';
import type { ActionListItem } from '@actionledger/projections';

/** One action in a home page's list: what it is, for which finding, whose, and when it is due. */
export function actionRow(item: ActionListItem, directory: UserDirectory) {
  return {
    actionId: item.actionId,
    title: item.title,
    status: item.status,
    category: item.category,
    finding: item.finding?.text ?? '',
    authority: item.inspection?.authority ?? '',
    owner: item.ownerId ? directory.displayName(item.ownerId) : 'No one yet',
    dueDate: item.dueDate,
    originalDueDate: item.originalDueDate,
    timesMoved: item.timesMoved,
  };
}
