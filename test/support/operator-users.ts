import { run } from '../../apps/cli/test/run-cli';

export interface OperatorUsers {
  /** A bearer token of the organisation's administrator and lead. */
  token: string;
  ownerId: string;
  authorization: Record<string, string>;
}

/** What a new install's operator does first: `setup`, then an action owner, through the real CLI commands. */
export async function givenOperatorUsers(dataDir: string): Promise<OperatorUsers> {
  const env = { ...process.env, DATA_DIR: dataDir };
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
