import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createEventStore } from '@actionledger/event-store';
import { appConfigFromEnv } from '../apps/api/src/config/app-config';
import { startApiProcess } from '../test/support/api-process';
import { givenOperatorUsers } from '../test/support/operator-users';
import { median } from './bench-stats';
import { generatePlanLog } from './plan-log.generator';

export interface WebPagesResult {
  actions: number;
  homePagesPerSecond: number;
  overdueReportsPerSecond: number;
  ratio: number;
  errors: number;
}

const ROUNDS = 3;

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: 10, duration: 4, ...options });
}

/** The install's one organisation, as `setup` registered it. */
async function organisationIdIn(dataDir: string): Promise<string> {
  const store = createEventStore(appConfigFromEnv({ DATA_DIR: dataDir }).eventStore);
  try {
    const registered = (await store.readAll()).find((event) => event.type === 'OrganisationRegistered');
    return (registered!.data as { organisationId: string }).organisationId;
  } finally {
    await store.close();
  }
}

/**
 * For an organisation with `actions` open actions over 50 plans: the lead's home page (its four read-model
 * queries, each plan's view, and the page rendered) per second, against the JSON overdue report it draws on, both
 * through the real process under the same load, in alternating rounds; the median ratio is reported.
 */
export async function benchWebPages(actions = 5_000): Promise<WebPagesResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-web-'));
  const users = await givenOperatorUsers(dataDir);
  const organisationId = await organisationIdIn(dataDir);
  const store = createEventStore(appConfigFromEnv({ DATA_DIR: dataDir }).eventStore);
  const findingsPerInspection = 10;
  const actionsPerFinding = actions / 50 / findingsPerInspection;
  await generatePlanLog(store, {
    events: 50 * (1 + findingsPerInspection * (1 + 2 * actionsPerFinding)),
    organisations: 1,
    organisationIds: [organisationId],
    findingsPerInspection,
    actionsPerFinding,
    lifecycle: 'open',
  });
  const head = (await store.readAll()).at(-1)!.position;
  await store.close();
  const prefix = `bench-web-${Date.now()}`;
  const api = await startApiProcess({
    DATA_DIR: dataDir,
    READ_MODEL_KEY_PREFIX: prefix,
    SESSION_KEY_PREFIX: `${prefix}-s`,
  });
  try {
    const overdue = `${api.baseUrl}/api/reports/overdue?category=priority_action`;
    // The read models catch up with the generated log before anything is measured.
    for (;;) {
      const answer = await fetch(`${overdue}&after=${head}`, { headers: users.authorization });
      if (answer.ok) break;
      if (answer.status !== 503) throw new Error(`The overdue report answered ${answer.status}.`);
    }
    const home = await fetch(`${api.baseUrl}/`, { headers: users.authorization });
    const html = await home.text();
    if (!home.ok || !html.includes('Overdue priority actions'))
      throw new Error(`The home page answered ${home.status}.`);
    const homeLoad = { url: `${api.baseUrl}/`, headers: users.authorization };
    const overdueLoad = { url: overdue, headers: users.authorization };
    await load({ ...homeLoad, duration: 2 }); // warm-up
    const rounds: { home: number; overdue: number; errors: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const json = await load(overdueLoad);
      const page = await load(homeLoad);
      rounds.push({
        home: page.requests.average,
        overdue: json.requests.average,
        errors: page.errors + page.non2xx + json.errors + json.non2xx,
      });
    }
    return {
      actions,
      homePagesPerSecond: median(rounds.map((round) => round.home)),
      overdueReportsPerSecond: median(rounds.map((round) => round.overdue)),
      ratio: median(rounds.map((round) => round.home / round.overdue)),
      errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
