import type { Pool } from 'pg';
import type { PostgresMigration } from './postgres-migrations';

const MIGRATION_LOCK_KEY = 0x41_4c_4d_69_67n; // "ALMig"

/**
 * Brings the database's schema up to the newest migration: each pending step in a transaction of its own, recorded
 * in `event_store_migrations`. A session lock keeps two processes starting at once from applying a step twice.
 * Returns the versions it applied.
 */
export async function migratePostgres(
  pool: Pool,
  migrations: readonly PostgresMigration[],
): Promise<number[]> {
  assertNumberedInOrder(migrations);
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS event_store_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM event_store_migrations');
      const applied = new Set(rows.map((row) => row.version));
      const newest = migrations.at(-1)?.version ?? 0;
      const unknown = [...applied].filter((version) => version > newest);
      if (unknown.length > 0) {
        throw new Error(
          `The event store's schema is at version ${Math.max(...unknown)}, newer than this ActionLedger knows ` +
            `(${newest}): run a newer ActionLedger against this database.`,
        );
      }
      const done: number[] = [];
      for (const migration of migrations.filter((step) => !applied.has(step.version))) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO event_store_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(
            `Event store migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
          );
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}

export function assertNumberedInOrder(migrations: readonly PostgresMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new TypeError(
        `Migrations must be numbered 1, 2, 3… in order; found ${migration.version} at place ${index + 1}.`,
      );
    }
  });
}
