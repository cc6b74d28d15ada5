import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';
import { givenOperatorUsers } from '../test/support/operator-users';

export interface ApiCommandsResult {
  commandsPerSecond: number;
  trivialGetsPerSecond: number;
  ratio: number;
  commandErrors: number;
}

const ACTIONS = 50;
/** Alternating rounds, so that drift in the machine's speed hits both sides alike; the median ratio is reported. */
const ROUNDS = 3;

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: 10, duration: 4, ...options });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Commands per second through POST /api/actions/:id/progress (validated, decided, appended with fsync),
 * against a trivial GET of the same process under the same load tool and connections.
 */
export async function benchApiCommands(synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<ApiCommandsResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-api-'));
  const users = await givenOperatorUsers(dataDir);
  const api = await startApiProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: synchronous });
  try {
    const actionIds = await assignedActions(api.baseUrl, ACTIONS, users);
    const trivialGet = { url: `${api.baseUrl}/api`, headers: users.authorization };
    await load({ ...trivialGet, duration: 2 }); // warm-up

    let next = 0;
    const progress: autocannon.Request = {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...users.authorization },
      setupRequest: (request) => ({
        ...request,
        path: `/api/actions/${actionIds[next++ % ACTIONS]}/progress`,
        body: JSON.stringify({ note: `progress ${next}` }),
      }),
    };
    const rounds: { trivial: number; commands: number; errors: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const trivial = await load(trivialGet);
      const commands = await load({ url: api.baseUrl, requests: [progress] });
      rounds.push({
        trivial: trivial.requests.average,
        commands: commands.requests.average,
        errors: commands.errors + commands.non2xx,
      });
    }
    return {
      commandsPerSecond: median(rounds.map((round) => round.commands)),
      trivialGetsPerSecond: median(rounds.map((round) => round.trivial)),
      ratio: median(rounds.map((round) => round.commands / round.trivial)),
      commandErrors: rounds.reduce((sum, round) => sum + round.errors, 0),
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
