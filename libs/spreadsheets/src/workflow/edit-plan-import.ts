import {
  planImportDecider,
  planImportStreamId,
  type EditPlanImport,
  type PlanRowCorrection,
} from '@actionledger/domain';
import {
  InvalidInputError,
  NotFoundError,
  type CommandContext,
  type CommandResult,
} from '@actionledger/command-handling';
import { remapColumns, type ColumnReference } from '../headers/column-reference';
import { proposePlanRows } from '../proposal/propose-plan-rows';
import { importTargetFacts } from './draft-plan-import';
import type { PlanImportPorts } from './plan-import.ports';

export interface PlanImportChanges {
  /** Columns mapped again by the lead; the rows are then read again from the draft's cells. */
  columns?: Record<string, ColumnReference>;
  rows?: PlanRowCorrection[];
}

/**
 * The lead's corrections of a draft: a column mapped again (every row read again), and rows corrected by their
 * number. An owner must be one of the organisation's users and a finding one of the inspection's: else a 400.
 */
export async function editPlanImport(
  ports: PlanImportPorts,
  draftId: string,
  changes: PlanImportChanges,
  context: CommandContext,
): Promise<CommandResult> {
  const notFound = () => new NotFoundError('plan import', draftId);
  const streamId = planImportStreamId(draftId);
  const { state: draft } = await ports.loader.loadVisible(
    streamId,
    planImportDecider,
    context.actor,
    notFound,
  );
  const { findings } = await importTargetFacts(ports, draft.proposal.target, context);
  const users = await ports.usersOf(draft.organisationId);

  let remapped: EditPlanImport['data']['remapped'];
  if (changes.columns) {
    const { columns, problems } = remapColumns(draft.proposal.columns, changes.columns, draft.grid.headers);
    const [field, problem] = Object.entries(problems)[0] ?? [];
    if (field) throw new InvalidInputError(`columns.${field} ${problem}.`, `columns.${field}`);
    remapped = { columns, rows: proposePlanRows(draft.grid, columns, { findings, users }) };
  }
  const corrections = changes.rows ?? [];
  corrections.forEach((correction, index) => {
    if (correction.ownerId && !users.some((user) => user.userId === correction.ownerId)) {
      throw new InvalidInputError(
        `rows[${index}].ownerId: ${correction.ownerId} is not an active user of this organisation.`,
        `rows[${index}].ownerId`,
      );
    }
    if (correction.findingId && !findings.some((finding) => finding.findingId === correction.findingId)) {
      throw new InvalidInputError(
        `rows[${index}].findingId: ${correction.findingId} is not a finding of this inspection.`,
        `rows[${index}].findingId`,
      );
    }
  });

  return ports.commands.execute({
    id: draftId,
    streamId,
    decider: planImportDecider,
    commandType: 'EditPlanImport',
    payload: changes,
    context,
    notFound,
    prepare: (_state, metadata) => ({
      type: 'EditPlanImport' as const,
      data: { draftId, ...(remapped && { remapped }), corrections },
      metadata,
    }),
  });
}
