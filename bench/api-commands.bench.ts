import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApiProcess } from '../test/support/api-process';
import { assignedActions } from '../test/support/assigned-actions';

export interface ApiCommandsResult {
  commandsPerSecond: number;
  trivialGetsPerSecond: number;
  ratio: number;
  commandErrors: number;
}

const ACTIONS = 50;

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: 10, duration: 8, ...options });
}

/**
 * Commands per second through POST /api/actions/:id/progress (validated, decided, appended with fsync),
 * against a trivial GET of the same process under the same load tool and connections.
 */
export async function benchApiCommands(synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<ApiCommandsResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-bench-api-'));
  const api = await startApiProcess({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: synchronous });
  try {
    const actionIds = await assignedActions(api.baseUrl, ACTIONS);
    await load({ url: `${api.baseUrl}/api`, duration: 2 }); // warm-up

    const trivial = await load({ url: `${api.baseUrl}/api` });
    let next = 0;
    const commands = await load({
      url: api.baseUrl,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            path: `/api/actions/${actionIds[next++ % ACTIONS]}/progress`,
            body: JSON.stringify({ note: `progress ${next}` }),
          }),
        },
      ],
    });
    return {
      commandsPerSecond: commands.requests.average,
      trivialGetsPerSecond: trivial.requests.average,
      ratio: commands.requests.average / trivial.requests.average,
      commandErrors: commands.errors + commands.non2xx,
    };
  } finally {
    await api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
