import { run } from '../../apps/cli/test/run-cli';

export interface OperatorUsers {
  /** A bearer token of the organisation's administrator and lead. */
  token: string;
  ownerId: string;
  authorization: Record<string, string>;
}

/**
 * What a new install's operator does first: `setup`, then an action owner, through the real CLI commands; `storeEnv`
 * names another store than the folder's SQLite file (EVENT_STORE, DATABASE_URL).
 */
export async function givenOperatorUsers(
  dataDir: string,
  storeEnv: NodeJS.ProcessEnv = {},
): Promise<OperatorUsers> {
  const env = { ...process.env, ...storeEnv, DATA_DIR: dataDir };
  const setup = await run(
    ['setup', '--org', 'Hartlepool Borough Council', '--email', 'lead@example.org', '--name', 'A Lead'],
    env,
  );
  if (setup.code !== 0) throw new Error(`setup failed: ${setup.err}`);
  const token = setup.out.trim().split('\n').pop()!;
  const owner = await run(
    [
      'users',
      'add',
      '--org',
      'Hartlepool Borough Council',
      '--email',
      'owner@example.org',
      '--name',
      'An Owner',
      '--role',
      'owner',
    ],
    env,
  );
  if (owner.code !== 0) throw new Error(`users add failed: ${owner.err}`);
  return { token, ownerId: owner.out.trim(), authorization: { authorization: `Bearer ${token}` } };
}
