import { createHash } from 'node:crypto';
import {
  DomainRuleViolation,
  inspectionDecider,
  inspectionStreamId,
  planImportDecider,
  planImportStreamId,
  type PlanImportTarget,
} from '@actionledger/domain';
import {
  deterministicId,
  NotFoundError,
  organisationOf,
  type CommandContext,
  type CommandResult,
} from '@actionledger/command-handling';
import { readPlanSheet } from '../reading/read-plan-sheet';
import { proposePlanRows } from '../proposal/propose-plan-rows';
import { inspectionFindings } from './inspection-findings';
import type { PlanImportPorts } from './plan-import.ports';

export interface PlanUpload {
  bytes: Uint8Array;
  fileName: string;
  target: PlanImportTarget;
  context: CommandContext;
}

/** The organisation a plan is imported for, and the findings its rows may answer. */
export async function importTargetFacts(
  ports: PlanImportPorts,
  target: PlanImportTarget,
  context: CommandContext,
) {
  if (!('inspectionId' in target)) return { organisationId: organisationOf(context.actor), findings: [] };
  const { state } = await ports.loader.loadVisible(
    inspectionStreamId(target.inspectionId),
    inspectionDecider,
    context.actor,
    () => new NotFoundError('inspection', target.inspectionId),
  );
  if (state.status === 'withdrawn') {
    throw new DomainRuleViolation('This inspection has been withdrawn; a plan cannot be imported for it.');
  }
  const findings = await inspectionFindings(ports.store, ports.loader, target.inspectionId);
  return { organisationId: state.organisationId, findings };
}

/**
 * Reads the sheet and records only a draft: the columns recognised, and per row what is proposed. The same file
 * imported again for the same inspection by the same organisation finds its first draft instead of a second.
 */
export async function draftPlanImport(
  ports: PlanImportPorts,
  upload: PlanUpload,
): Promise<CommandResult & { alreadyImported: boolean }> {
  const { grid, columns } = await readPlanSheet(upload.bytes);
  const { target, context } = upload;
  const { organisationId, findings } = await importTargetFacts(ports, target, context);
  const users = await ports.usersOf(organisationId);
  const rows = proposePlanRows(grid, columns, { findings, users });
  const digest = createHash('sha256').update(upload.bytes).digest('hex');
  const targetKey = 'inspectionId' in target ? target.inspectionId : JSON.stringify(target.newInspection);
  const draftId = deterministicId('plan-import', organisationId, digest, targetKey);
  const streamId = planImportStreamId(draftId);
  const existing = await ports.loader.load(streamId, planImportDecider);
  if (existing.state.status !== 'none' && !context.idempotencyKey) {
    return { id: draftId, position: -1, version: existing.version, alreadyImported: true };
  }
  const result = await ports.commands.execute({
    id: draftId,
    streamId,
    decider: planImportDecider,
    commandType: 'DraftPlanImport',
    payload: { digest, target },
    context,
    prepare: (_state, metadata) => ({
      type: 'DraftPlanImport' as const,
      data: {
        draftId,
        organisationId,
        fileName: upload.fileName,
        digest,
        grid,
        proposal: { target, columns, rows },
      },
      metadata,
    }),
  });
  return { ...result, alreadyImported: false };
}
