import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createTemporaryDatabase } from '../libs/event-store/src/postgres/testing/temporary-database';
import { startApiProcess, type ApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';
import { givenOperatorUsers, type OperatorUsers } from '../test/support/operator-users';
import { median } from './bench-stats';

const ACTIONS = 50;
const ROUNDS = 3;
const DURATION_SECONDS = 4;

export interface PostgresApiResult {
  postgresCommandsPerSecond: number;
  sqliteCommandsPerSecond: number;
  /** (b) PostgreSQL against SQLite, one API process each. */
  storeRatio: number;
  twoProcessCommandsPerSecond: number;
  /** (c) two API processes on one PostgreSQL database against one. */
  processRatio: number;
  errors: number;
}

interface Install {
  apis: ApiProcess[];
  actionIds: string[];
  users: OperatorUsers;
  cleanUp(): Promise<void>;
}

async function install(store: 'sqlite' | 'postgres', processes: number): Promise<Install> {
  const dataDir = mkdtempSync(join(tmpdir(), `actionledger-bench-${store}-`));
  const database = store === 'postgres' ? await createTemporaryDatabase('actionledger_bench') : undefined;
  const storeEnv = database ? { EVENT_STORE: 'postgres', DATABASE_URL: database.url } : {};
  const users = await givenOperatorUsers(dataDir, storeEnv);
  // Projections stay in each process, as the embedded default runs them; the lease lets one project at a time.
  const env = { ...storeEnv, DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: `bench-${store}-${process.pid}` };
  const apis: ApiProcess[] = [];
  for (let i = 0; i < processes; i++) apis.push(await startApiProcess(env));
  const actionIds = await assignedActions(apis[0].baseUrl, ACTIONS, users);
  return {
    apis,
    actionIds,
    users,
    cleanUp: async () => {
      for (const api of apis) await api.kill('SIGTERM');
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Progress notes from 10 connections, spread over the given processes; commands per second over them all. */
async function commandLoad(
  target: Install,
  processes: number,
): Promise<{ perSecond: number; errors: number }> {
  let next = 0;
  const results = await Promise.all(
    target.apis.slice(0, processes).map((api) =>
      autocannon({
        url: api.baseUrl,
        connections: Math.ceil(10 / processes),
        duration: DURATION_SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...target.users.authorization },
            setupRequest: (request) => ({
              ...request,
              path: `/api/actions/${target.actionIds[next++ % ACTIONS]}/progress`,
              body: JSON.stringify({ note: `progress ${next}` }),
            }),
          },
        ],
      }),
    ),
  );
  return {
    perSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    errors: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
  };
}

/**
 * (b) the same commands through the API on PostgreSQL and on SQLite, and (c) through two API processes sharing one
 * PostgreSQL database against one of them; the three loads alternate round by round.
 */
export async function benchPostgresApi(): Promise<PostgresApiResult> {
  const sqlite = await install('sqlite', 1);
  const postgres = await install('postgres', 2);
  try {
    await commandLoad(sqlite, 1); // warm-up
    await commandLoad(postgres, 2);
    const rounds: { sqlite: number; postgres: number; two: number; errors: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const onSqlite = await commandLoad(sqlite, 1);
      const onPostgres = await commandLoad(postgres, 1);
      const onTwo = await commandLoad(postgres, 2);
      rounds.push({
        sqlite: onSqlite.perSecond,
        postgres: onPostgres.perSecond,
        two: onTwo.perSecond,
        errors: onSqlite.errors + onPostgres.errors + onTwo.errors,
      });
    }
    return {
      postgresCommandsPerSecond: median(rounds.map((r) => r.postgres)),
      sqliteCommandsPerSecond: median(rounds.map((r) => r.sqlite)),
      storeRatio: median(rounds.map((r) => r.postgres / r.sqlite)),
      twoProcessCommandsPerSecond: median(rounds.map((r) => r.two)),
      processRatio: median(rounds.map((r) => r.two / r.postgres)),
      errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    };
  } finally {
    await sqlite.cleanUp();
    await postgres.cleanUp();
  }
}
