import {
  decidePlanImportConfirmation,
  findingDecider,
  findingStreamId,
  includedRows,
  inspectionDecider,
  inspectionStreamId,
  newFindingsOf,
  planImportDecider,
  planImportStreamId,
  type DueDatePolicy,
  type FindingFacts,
  type PlanImportFacts,
  type PlanImportState,
} from '@actionledger/domain';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import {
  deterministicId,
  NEW_STREAM,
  NotFoundError,
  type CommandContext,
} from '@actionledger/command-handling';
import type { PlanImportPorts } from './plan-import.ports';

export interface PlanImportConfirmation {
  id: string;
  inspectionId: string;
  findingIds: string[];
  actionIds: string[];
  rowNumbers: number[];
  position: number;
}

type Draft = Exclude<PlanImportState, { status: 'none' }>;

/** The log's facts about the inspection and the findings the rows were matched to, as they are now. */
async function factsFor(ports: PlanImportPorts, draft: Draft): Promise<PlanImportFacts> {
  const { target } = draft.proposal;
  if (!('inspectionId' in target)) return { inspection: null, findings: new Map() };
  const { state: inspection } = await ports.loader.load(
    inspectionStreamId(target.inspectionId),
    inspectionDecider,
  );
  if (inspection.status === 'none') throw new NotFoundError('inspection', target.inspectionId);
  const findingIds = new Set(includedRows(draft.proposal).flatMap((row) => row.finding.findingId ?? []));
  const findings = new Map<string, FindingFacts>();
  for (const findingId of findingIds) {
    const { state } = await ports.loader.load(findingStreamId(findingId), findingDecider);
    if (state.status === 'none' || state.inspectionId !== target.inspectionId) continue;
    const { organisationId, status, category, timescale, countsFrom } = state;
    findings.set(findingId, { findingId, organisationId, status, category, timescale, countsFrom });
  }
  return {
    inspection: {
      inspectionId: inspection.inspectionId,
      organisationId: inspection.organisationId,
      countsFrom: inspection.letterDate ?? [...inspection.inspectionDates].sort().at(-1)!,
      withdrawn: inspection.status === 'withdrawn',
    },
    findings,
  };
}

/**
 * Records every included row as its events and marks the draft confirmed, in one atomic append over all their
 * streams, each event marked with the file's digest and its row: all or nothing. Confirming again returns the
 * first result and appends nothing.
 */
export function confirmPlanImport(
  ports: PlanImportPorts,
  draftId: string,
  context: CommandContext,
  policy: DueDatePolicy,
): Promise<PlanImportConfirmation> {
  const streamId = planImportStreamId(draftId);
  return ports.commands.run(context, [streamId], async () => {
    const loaded = await ports.loader.loadVisible(
      streamId,
      planImportDecider,
      context.actor,
      () => new NotFoundError('plan import', draftId),
    );
    const { state: draft, version } = loaded;
    if (draft.status === 'confirmed' && draft.confirmation) {
      const events = await ports.store.readStream(streamId);
      const confirmed = events.find((event) => event.type === 'PlanImportConfirmed')!;
      const { confirmedAt: _confirmedAt, ...recorded } = draft.confirmation;
      return { id: draftId, ...recorded, position: Number(confirmed.position) };
    }
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedRevisionError(streamId, context.expectedVersion, version);
    }

    // Ids follow from the draft and the version confirmed, so that a retry writes to the same streams.
    const idOf = (...parts: string[]) => deterministicId('plan-import', draftId, String(version), ...parts);
    const { target } = draft.proposal;
    const rows = includedRows(draft.proposal);
    const ids = {
      draftId,
      inspectionId: 'inspectionId' in target ? target.inspectionId : idOf('inspection'),
      findingIds: newFindingsOf(draft.proposal).map((finding) => idOf('finding', finding.key)),
      actionIds: rows.map((row) => idOf('action', String(row.rowNumber))),
      rowNumbers: rows.map((row) => row.rowNumber),
    };
    const now = ports.commands.now();
    const writes = decidePlanImportConfirmation(
      { type: 'ConfirmPlanImport', data: ids, metadata: { now, actor: context.actor } },
      draft,
      await factsFor(ports, draft),
      policy,
    );
    const source = { fileName: draft.fileName, digest: draft.digest };
    const results = await ports.commands.writeStreams(
      writes.map((write) => ({
        streamId: write.streamId,
        events: write.events,
        from: write.streamId === streamId ? loaded : NEW_STREAM,
        imported: write.rowNumber === null ? source : { ...source, row: write.rowNumber },
      })),
      { context, now, commandType: 'ConfirmPlanImport' },
    );
    const { draftId: id, ...recorded } = ids;
    return { id, ...recorded, position: Number(results[0].position) };
  });
}
