import type { UserDirectory } from '@actionledger/auth';
import { listInspections, overdueReport, type ReadModelContext } from '@actionledger/projections';
import { actionRow } from './action-row';
import { planRows } from './lead-home.view-model';

const PLANS_SHOWN = 20;

/** A board member's home, read-only: every plan with its RAG status, everything overdue, and the trail. */
export async function boardHomeViewModel(
  context: ReadModelContext,
  directory: UserDirectory,
  organisationId: string,
) {
  const [inspections, overdue] = await Promise.all([
    listInspections(context, organisationId, { limit: String(PLANS_SHOWN) }),
    overdueReport(context, organisationId, {}),
  ]);
  return {
    title: 'Plans and progress',
    today: overdue.today,
    plans: planRows(inspections.items),
    overdue: overdue.items.map((item) => ({ ...actionRow(item, directory), daysOverdue: item.daysOverdue })),
  };
}
