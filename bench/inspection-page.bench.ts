import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { startApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';
import { givenOperatorUsers } from '../test/support/operator-users';

export interface InspectionPageResult {
  actions: number;
  pagesPerSecond: number;
  plansPerSecond: number;
  ratio: number;
  errors: number;
}

/** Alternating rounds, so that drift in the machine's speed hits both sides alike; the median ratio is reported. */
const ROUNDS = 3;

const load = (options: autocannon.Options) => autocannon({ connections: 10, duration: 4, ...options });
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }))
      if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}

/**
 * The inspection page (`GET /inspections/:id`: the plan from Redis, its actions' streams from the log for the
 * weekly progress, the SVG and the HTML) against the JSON plan it draws on (`GET /api/inspections/:id/plan`),
 * for an inspection with `actions` actions, same process, same load. Both with the lead's bearer token.
 */
export async function benchInspectionPage(actions = 200): Promise<InspectionPageResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-pages-'));
  const prefix = `bench-pages-${randomUUID()}`;
  const users = await givenOperatorUsers(dataDir);
  const api = await startApiProcess({ DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: prefix, REMINDERS: 'off' });
  try {
    await assignedActions(api.baseUrl, actions, users);
    const inspectionId = await projectedInspection(api.baseUrl, users.authorization, actions);
    const plan = { url: `${api.baseUrl}/api/inspections/${inspectionId}/plan`, headers: users.authorization };
    const page = {
      url: `${api.baseUrl}/inspections/${inspectionId}`,
      headers: { ...users.authorization, accept: 'text/html' },
    };
    await load({ ...plan, duration: 2 }); // warm-up
    await load({ ...page, duration: 2 });
    const rounds: { plan: number; page: number; errors: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const plans = await load(plan);
      const pages = await load(page);
      rounds.push({
        plan: plans.requests.average,
        page: pages.requests.average,
        errors: plans.errors + plans.non2xx + pages.errors + pages.non2xx,
      });
    }
    return {
      actions,
      pagesPerSecond: median(rounds.map((round) => round.page)),
      plansPerSecond: median(rounds.map((round) => round.plan)),
      ratio: median(rounds.map((round) => round.page / round.plan)),
      errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    };
  } finally {
    await api.kill('SIGTERM');
    await deleteKeys(prefix);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The benchmark's inspection, once the read models (projected in the API process) hold all its actions. */
async function projectedInspection(
  baseUrl: string,
  headers: Record<string, string>,
  actions: number,
): Promise<string> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const list = (await (await fetch(`${baseUrl}/api/inspections`, { headers })).json()) as {
      items?: { inspectionId: string }[];
    };
    const inspectionId = list.items?.[0]?.inspectionId;
    if (inspectionId) {
      const plan = await fetch(`${baseUrl}/api/inspections/${inspectionId}/plan`, { headers });
      const view = (await plan.json()) as { actions: { total: number } };
      if (view.actions.total === actions) return inspectionId;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error("The read models never showed all of the benchmark inspection's actions.");
}
