import type { UserDirectory } from '@actionledger/auth';
import { ownerActions, type ReadModelContext } from '@actionledger/projections';
import { actionRow } from './action-row';

/** How many of an owner's actions "due next" shows. */
const DUE_NEXT = 3;

/** An owner's home: their open actions, soonest due first, the next few apart, and those sent back to them. */
export async function ownerHomeViewModel(
  context: ReadModelContext,
  directory: UserDirectory,
  organisationId: string,
  ownerId: string,
) {
  const mine = await ownerActions(context, organisationId, ownerId, {});
  const rows = mine.items.map((item) => ({
    ...actionRow(item, directory),
    overdue: item.overdue,
    sentBack: item.sentBack ?? null,
  }));
  return {
    title: 'Your actions',
    today: mine.today,
    myActions: rows,
    dueNext: rows.filter((row) => row.status === 'assigned' && row.dueDate).slice(0, DUE_NEXT),
    sentBack: rows.filter((row) => row.sentBack !== null),
  };
}
