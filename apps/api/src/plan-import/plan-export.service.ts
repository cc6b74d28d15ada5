import { UserDirectory } from '@actionledger/auth';
import { actionStreamId, type ActionEvent } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  beginQuery,
  readDocuments,
  readPlanDocuments,
  type ActionDoc,
  type ReadModelContext,
} from '@actionledger/projections';
import { writePlanCsv, writePlanWorkbook, type PlanExportRow } from '@actionledger/spreadsheets';
import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '../read-models/read-models.providers';

export type PlanExportFormat = 'xlsx' | 'csv';

export interface PlanExportFile {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
}

const MEDIA_TYPES: Record<PlanExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** What the plan read model does not keep: the description and the progress notes, read from the log. */
async function fromTheLog(store: EventStore, action: ActionDoc) {
  const events = (await store.readStream(actionStreamId(action.actionId))) as unknown as ActionEvent[];
  let description: string | null = null;
  const notes: string[] = [];
  for (const event of events) {
    if (event.type === 'ActionPlanned') description = event.data.description;
    if (event.type === 'ActionAmended' && event.data.changes.description !== undefined) {
      description = event.data.changes.description;
    }
    if (event.type === 'ProgressRecorded') notes.push(event.data.note);
  }
  return { description, notes };
}

/** An inspection's plan as a spreadsheet, in the columns the import reads. */
@Injectable()
export class PlanExportService {
  constructor(
    @Inject(READ_MODELS) private readonly context: ReadModelContext,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: UserDirectory,
  ) {}

  /** Null for an inspection the organisation does not have. */
  async export(
    organisationId: string,
    inspectionId: string,
    format: PlanExportFormat,
  ): Promise<PlanExportFile | null> {
    await beginQuery(this.context);
    const [inspection] = await readDocuments(this.context, organisationId, 'inspection', [inspectionId]);
    if (!inspection) return null;
    const { findings, actions } = await readPlanDocuments(this.context, organisationId, [inspection]);
    const people = new Map(
      (await this.directory.usersOf(organisationId)).map((user) => [
        user.userId,
        this.directory.profileOf(user),
      ]),
    );
    const rows: PlanExportRow[] = [];
    for (const [findingIndex, finding] of findings.entries()) {
      const own = actions.filter((action) => action.findingId === finding.findingId);
      for (const [actionIndex, action] of own.entries()) {
        const owner = action.ownerId ? people.get(action.ownerId) : undefined;
        rows.push({
          reference: `${findingIndex + 1}.${actionIndex + 1}`,
          finding: finding.text,
          category: finding.category,
          timescale: finding.timescale,
          action: action.title,
          ...(await fromTheLog(this.store, action)),
          ownerName: owner?.name ?? null,
          ownerEmail: owner?.email || null,
          dueDate: action.dueDate,
          status: action.status,
          originalDueDate: action.timesMoved > 0 ? action.originalDueDate : null,
          timesMoved: action.timesMoved,
          completedOn: action.completedAt?.slice(0, 10) ?? null,
          verifiedOn: action.verifiedAt?.slice(0, 10) ?? null,
        });
      }
    }
    const title = `${inspection.authority}: action plan (${inspection.inspectionDates.join(', ')})`;
    const bytes = format === 'xlsx' ? await writePlanWorkbook(title, rows) : writePlanCsv(rows);
    return { bytes, fileName: `action-plan-${inspectionId}.${format}`, mediaType: MEDIA_TYPES[format] };
  }
}
