import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AggregateLoader,
  CommandExecutor,
  NEW_STREAM,
  systemClock,
  type CommandContext,
  type StreamDecision,
} from '@actionledger/command-handling';
import type { DueDatePolicy } from '@actionledger/domain';
import { SqliteEventStore } from '@actionledger/event-store';
import {
  columnLetter,
  confirmPlanImport,
  draftPlanImport,
  type PlanImportPorts,
} from '@actionledger/spreadsheets';
import { buildWorkbook } from '../libs/spreadsheets/src/testing/plan-workbooks';
import { median } from './bench-stats';

export interface PlanImportBenchResult {
  rows: number;
  events: number;
  importEventsPerSecond: number;
  directEventsPerSecond: number;
  /** Median over the rounds of direct time ÷ import time, each pair measured back to back. */
  ratio: number;
}

const policy: DueDatePolicy = {
  immediately: { days: 7 },
  within_3_months: { months: 3 },
  within_6_months: { months: 6 },
  none: null,
};
const organisationId = 'org-bench';
const context: CommandContext = {
  actor: { userId: 'lead-bench', role: 'lead', organisationId },
  correlationId: 'bench',
  causationId: 'bench',
};
const users = Array.from({ length: 40 }, (_, index) => ({
  userId: `user-${index}`,
  name: `Officer ${columnLetter(index + 26)}`,
  email: `officer${index}@council.example.org`,
}));

/** A council's plan of `rows` actions over 50 findings: owners, UK dates, statuses, a note on every third. */
function planSheet(rows: number): Promise<Buffer> {
  return buildWorkbook([
    {
      name: 'Plan',
      titles: ['Improvement plan'],
      header: ['Ref', 'Finding', 'Action', 'Lead officer', 'Target date', 'Status', 'Update'],
      rows: Array.from({ length: rows }, (_, index) => [
        `${index + 1}`,
        `Improve area ${index % 50} of the service`,
        `Action ${index} to improve the service`,
        users[index % users.length].name,
        `${String((index % 28) + 1).padStart(2, '0')}/0${(index % 9) + 1}/2027`,
        index % 5 === 0 ? 'Complete' : 'In progress',
        index % 3 === 0 ? `Progress on action ${index}.` : null,
      ]),
    },
  ]);
}

/**
 * Importing a 2,000-row sheet, read → draft → confirm (one atomic write of every row's events), against
 * appending the very same events directly through the write path (`writeStreams`: metadata, hash chain, one
 * atomic append) to streams of their own. Both on one SQLite store; rounds alternate which side goes first.
 */
export async function benchPlanImport(
  options: { rows?: number; rounds?: number } = {},
): Promise<PlanImportBenchResult> {
  const rows = options.rows ?? 2_000;
  const rounds = options.rounds ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-bench-plan-import-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { synchronous: 'FULL' });
  try {
    const loader = new AggregateLoader(store);
    const commands = new CommandExecutor(store, systemClock, loader);
    const ports: PlanImportPorts = { store, loader, commands, usersOf: async () => users };
    const sheet = await planSheet(rows);

    let events = 0;
    let lastWritten: StreamDecision[] = [];
    const importOnce = async (round: number) => {
      const before = (await store.readAll({ after: 0n })).at(-1)?.position ?? 0n;
      const target = {
        newInspection: {
          authority: `Council ${round}`,
          inspectionType: 'other' as const,
          inspectionDates: ['2026-10-20'],
          letterDate: null,
          inspector: null,
          overallJudgement: null,
        },
      };
      const start = process.hrtime.bigint();
      const { id } = await draftPlanImport(ports, { bytes: sheet, fileName: 'plan.xlsx', target, context });
      await confirmPlanImport(ports, id, context, policy);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      // What the import wrote, for the direct side to append again.
      const written = await store.readAll({ after: before });
      const byStream = new Map<string, StreamDecision>();
      for (const event of written) {
        const decision = byStream.get(event.streamId) ?? {
          streamId: event.streamId,
          events: [],
          from: NEW_STREAM,
        };
        (decision.events as { type: string; data: unknown }[]).push({ type: event.type, data: event.data });
        byStream.set(event.streamId, decision);
      }
      lastWritten = [...byStream.values()];
      events = written.length;
      return seconds;
    };
    const appendDirectly = async (round: number) => {
      const decisions = lastWritten.map((decision) => ({
        ...decision,
        streamId: `direct-${round}-${decision.streamId}`,
      }));
      const start = process.hrtime.bigint();
      await commands.writeStreams(decisions, { context, now: new Date(), commandType: 'Direct' });
      return Number(process.hrtime.bigint() - start) / 1e9;
    };

    await importOnce(-1); // warm-up, and the events the first direct round appends
    await appendDirectly(-1);
    const [importRates, directRates, ratios]: number[][] = [[], [], []];
    for (let round = 0; round < rounds; round++) {
      let importSeconds = 0;
      let directSeconds = 0;
      if (round % 2 === 0) {
        importSeconds = await importOnce(round);
        directSeconds = await appendDirectly(round);
      } else {
        directSeconds = await appendDirectly(round);
        importSeconds = await importOnce(round);
      }
      importRates.push(events / importSeconds);
      directRates.push(events / directSeconds);
      ratios.push(directSeconds / importSeconds);
    }
    return {
      rows,
      events,
      importEventsPerSecond: median(importRates),
      directEventsPerSecond: median(directRates),
      ratio: median(ratios),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
