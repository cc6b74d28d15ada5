import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chainEvents } from '@actionledger/audit';
import { PersonalDataVault, UserDirectory } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import {
  actionStreamId,
  addToCalendarDate,
  findingStreamId,
  inspectionStreamId,
  REPORT_FORMATS,
  type ReportFormat,
} from '@actionledger/domain';
import { SqliteEventStore, type EventStore, type NewEvent } from '@actionledger/event-store';
import { CommitteeReportService } from '@actionledger/reports';
import { median } from './bench-stats';

const ORG = 'org-bench';
const DAY_MS = 86_400_000;
const START = Date.parse('2026-03-02T09:30:00Z');

/** One stream's events, chained as the write path chains them, each at the time its data gives. */
async function appendStream(
  store: EventStore,
  streamId: string,
  events: { type: string; data: Record<string, unknown>; at: number }[],
) {
  const unchained: NewEvent[] = events.map(({ type, data, at }) => ({
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'bench-lead', role: 'lead', organisationId: ORG },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date(at).toISOString(),
    },
  }));
  await store.append(streamId, chainEvents(streamId, 0, null, unchained), 'no_stream');
  return events.length;
}

/**
 * One inspection with 10 findings and `actions` actions, each with a life of about 33 events (assigned, 30
 * progress notes, rescheduled twice in three, completed in two of three, verified in one of three).
 */
async function writeInspection(
  store: EventStore,
  actions: number,
): Promise<{ inspectionId: string; events: number }> {
  const inspectionId = randomUUID();
  const iso = (at: number) => new Date(at).toISOString();
  let events = await appendStream(store, inspectionStreamId(inspectionId), [
    {
      type: 'InspectionRecorded',
      at: START,
      data: {
        inspectionId,
        organisationId: ORG,
        authority: 'Bench Borough Council',
        inspectionType: 'contact_referral_assessment',
        inspectionDates: ['2026-02-23', '2026-02-24'],
        letterDate: '2026-03-02',
        inspector: 'A Inspector',
        overallJudgement: null,
        recordedAt: iso(START),
      },
    },
  ]);
  const findingIds = Array.from({ length: 10 }, () => randomUUID());
  for (const [index, findingId] of findingIds.entries()) {
    events += await appendStream(store, findingStreamId(findingId), [
      {
        type: 'FindingRaised',
        at: START,
        data: {
          findingId,
          inspectionId,
          organisationId: ORG,
          category: index < 3 ? 'priority_action' : index < 8 ? 'area_for_development' : 'recommendation',
          timescale: 'within_3_months',
          text: `Finding ${index}: the quality of assessments is too variable.`,
          countsFrom: '2026-03-02',
          raisedAt: iso(START),
        },
      },
    ]);
  }
  for (let n = 0; n < actions; n += 1) {
    const actionId = randomUUID();
    const owner = `owner-${n % 12}`;
    let at = START + DAY_MS;
    let due = addToCalendarDate('2026-06-01', { days: n % 120 });
    const life: { type: string; data: Record<string, unknown>; at: number }[] = [
      {
        type: 'ActionPlanned',
        at,
        data: {
          actionId,
          findingId: findingIds[n % 10],
          organisationId: ORG,
          title: `Action ${n}: audit case files`,
          description: null,
          recordedOn: null,
          plannedAt: iso(at),
        },
      },
      {
        type: 'ActionAssigned',
        at,
        data: { actionId, ownerId: owner, dueDate: due, dueDateSource: 'given', assignedAt: iso(at) },
      },
    ];
    for (let p = 0; p < 30; p += 1) {
      at += DAY_MS;
      life.push({
        type: 'ProgressRecorded',
        at,
        data: { actionId, note: `Progress note ${p}`, recordedAt: iso(at) },
      });
      if (n % 3 !== 0 && (p === 10 || p === 20)) {
        const next = addToCalendarDate(due, { days: 14 });
        life.push({
          type: 'ActionRescheduled',
          at,
          data: {
            actionId,
            previousDueDate: due,
            dueDate: next,
            reason: `Moved at note ${p}`,
            rescheduledAt: iso(at),
          },
        });
        due = next;
      }
    }
    if (n % 3 !== 2) {
      at += DAY_MS;
      life.push({
        type: 'ActionCompleted',
        at,
        data: {
          actionId,
          summary: 'Done',
          evidence: ['Audit report'],
          completedBy: owner,
          completedAt: iso(at),
        },
      });
    }
    if (n % 3 === 0) {
      at += DAY_MS;
      life.push({ type: 'ActionVerified', at, data: { actionId, note: null, verifiedAt: iso(at) } });
    }
    events += await appendStream(store, actionStreamId(actionId), life);
  }
  return { inspectionId, events };
}

export interface CommitteeReportBench {
  events: number;
  actions: number;
  jsonMs: number;
  formats: Record<ReportFormat, { ms: number; ratio: number; bytes: number }>;
}

/**
 * The committee report for one inspection, per format, against the same report as JSON, in the same run: each
 * round reads the log (checking its chain for the audit head), builds the report, then writes it as JSON and in
 * every format, in turn; medians over `rounds` after one warm-up round (which also starts Chromium).
 */
export async function benchCommitteeReport(options: {
  actions: number;
  rounds: number;
}): Promise<CommitteeReportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-report-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  const vault = new PersonalDataVault(join(dir, 'personal-data-keys.db'));
  const service = new CommitteeReportService(store, new UserDirectory(store, vault), {
    now: () => new Date('2026-11-30T12:00:00Z'),
  });
  try {
    const { inspectionId, events } = await writeInspection(store, options.actions);
    const actor = operatorContext().actor;
    const time = async (work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const sizes = {} as Record<ReportFormat, number>;
    const json = async () => {
      const report = await service.report(actor, { inspectionId, since: '2026-09-01' });
      return Buffer.from(
        JSON.stringify(report, (_key, value: unknown) =>
          typeof value === 'bigint' ? value.toString() : value,
        ),
      );
    };
    const format = (name: ReportFormat) => async () => {
      const report = await service.report(actor, { inspectionId, since: '2026-09-01' });
      sizes[name] = (await service.render(report, name)).bytes.length;
    };
    const samples: Record<'json' | ReportFormat, number[]> = {
      json: [],
      html: [],
      docx: [],
      pdf: [],
      csv: [],
    };
    for (let round = 0; round <= options.rounds; round += 1) {
      const jsonMs = await time(json);
      const formatMs = [];
      for (const name of REPORT_FORMATS) formatMs.push([name, await time(format(name))] as const);
      if (round === 0) continue;
      samples.json.push(jsonMs);
      for (const [name, ms] of formatMs) samples[name].push(ms);
    }
    const jsonMs = median(samples.json);
    const formats = Object.fromEntries(
      REPORT_FORMATS.map((name) => {
        const ms = median(samples[name]);
        return [name, { ms, ratio: jsonMs / ms, bytes: sizes[name] }];
      }),
    ) as CommitteeReportBench['formats'];
    return { events, actions: options.actions, jsonMs, formats };
  } finally {
    await service.close();
    vault.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
