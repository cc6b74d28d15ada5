import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The server the tests create their databases on; `POSTGRES_TEST_URL` overrides the machine's own. */
export const POSTGRES_ADMIN_URL =
  process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TemporaryDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name (several engineers share the server) and a way to drop it. */
export async function createTemporaryDatabase(prefix = 'actionledger_test'): Promise<TemporaryDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Runs `work` on a connection to the server's `postgres` database (for pg_terminate_backend and the like). */
export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not answering at ${POSTGRES_ADMIN_URL} (${(error as Error).message}). Start it with ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or set POSTGRES_TEST_URL.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
