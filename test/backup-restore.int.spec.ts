import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { SqliteEventStore, type StoredEvent } from '@actionledger/event-store';
import { run } from '../apps/cli/test/run-cli';
import { postJson, startApiProcess, type ApiProcess } from './support/api-process';
import { assignedActions } from './support/assigned-actions';
import { givenOperatorUsers } from './support/operator-users';

jest.setTimeout(60_000);

async function logOf(dataDir: string): Promise<StoredEvent[]> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

describe('actionledger backup and restore', () => {
  let scratch: string;
  let api: ApiProcess | undefined;
  const prefixes: string[] = [];
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'actionledger-backup-'))));
  afterEach(async () => {
    await api?.kill('SIGTERM');
    api = undefined;
    const redis = new Redis();
    for (const prefix of prefixes.splice(0)) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('takes a backup under load that restores as a consistent prefix of the log, chain and keys intact', async () => {
    const live = join(scratch, 'live');
    const users = await givenOperatorUsers(live);
    const livePrefix = `test-${basename(scratch)}-live`;
    prefixes.push(livePrefix);
    api = await startApiProcess({ DATA_DIR: live, READ_MODEL_KEY_PREFIX: livePrefix });
    const actionIds = await assignedActions(api.baseUrl, 3, users);
    const evidence = Buffer.from('contact,screened\n1,2026-11-03\n');
    const upload = new FormData();
    upload.append('files', new Blob([evidence], { type: 'text/csv' }), 'contacts.csv');
    const attached = await fetch(`${api.baseUrl}/api/actions/${actionIds[0]}/evidence`, {
      method: 'POST',
      headers: users.authorization,
      body: upload,
    });
    expect(attached.status).toBe(201);
    const sha256 = ((await attached.json()) as { files: { sha256: string }[] }).files[0].sha256;

    let stop = false;
    let acknowledged = 0;
    const writer = async (actionId: string) => {
      for (let i = 0; !stop; i++) {
        const response = await postJson(
          api!.baseUrl,
          `/api/actions/${actionId}/progress`,
          { note: `note ${i}` },
          users.authorization,
        );
        if (response.status !== 200)
          throw new Error(`unexpected ${response.status}: ${response.body.message}`);
        acknowledged++;
      }
    };
    const writers = actionIds.map(writer);
    while (acknowledged < 30) await new Promise((done) => setTimeout(done, 5));
    const backupFile = join(scratch, 'backup.al');
    const backup = await run(['backup', backupFile], { DATA_DIR: live });
    const acknowledgedAtBackup = acknowledged;
    while (acknowledged < acknowledgedAtBackup + 30) await new Promise((done) => setTimeout(done, 5));
    stop = true;
    await Promise.all(writers);
    await api.kill('SIGTERM');
    api = undefined;
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/Backed up [\d,]+ events \(up to log position \d+\) and 2 personal-data keys/);
    expect(backup.out).toContain('1 evidence files.');

    const restoredDir = join(scratch, 'restored');
    const restored = await run(['restore', backupFile], { DATA_DIR: restoredDir });
    expect(restored).toMatchObject({ code: 0, err: '' });

    const original = await logOf(live);
    const copy = await logOf(restoredDir);
    // Writes went on after the backup began: the copy is shorter, and exactly the log's beginning.
    expect(copy.length).toBeGreaterThan(30);
    expect(copy.length).toBeLessThan(original.length);
    expect(copy).toEqual(original.slice(0, copy.length));
    expect(restored.out).toContain(`Restored ${copy.length.toLocaleString('en-GB')} events`);

    expect((await run(['audit', 'verify'], { DATA_DIR: restoredDir })).code).toBe(0);
    const restoredPrefix = `test-${basename(scratch)}-restored`;
    prefixes.push(restoredPrefix);
    const env = { DATA_DIR: restoredDir, READ_MODEL_KEY_PREFIX: restoredPrefix };
    const rebuilt = await run(['projections', 'rebuild'], env);
    expect(rebuilt.out).toContain(`Rebuilt the read models from ${copy.length} events`);

    // The restored install answers as the old one did: the token works and the sealed names open with their keys.
    api = await startApiProcess(env);
    const me = await fetch(`${api.baseUrl}/api/me`, { headers: users.authorization });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ name: 'A Lead', email: 'lead@example.org' });
    const history = await fetch(`${api.baseUrl}/api/actions/${actionIds[0]}/history`, {
      headers: users.authorization,
    });
    expect(history.status).toBe(200);
    const trail = (await history.json()) as { type: string; who: { name: string } }[];
    const notesInCopy = copy.filter(
      (event) => event.type === 'ProgressRecorded' && event.streamId.endsWith(actionIds[0]),
    );
    expect(notesInCopy.length).toBeGreaterThan(0);
    expect(trail.filter((entry) => entry.type === 'ProgressRecorded')).toHaveLength(notesInCopy.length);
    expect(trail[0].who.name).toBe('A Lead');
    const file = await fetch(`${api.baseUrl}/api/evidence/${sha256}`, { headers: users.authorization });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(evidence)).toBe(true);
  });

  it('refuses, changing nothing, to overwrite a file, to restore over a data folder or from a file that is no backup', async () => {
    const live = join(scratch, 'live');
    await givenOperatorUsers(live);
    const file = join(scratch, 'backup.al');
    expect((await run(['backup', file], { DATA_DIR: live })).code).toBe(0);
    const bytes = readFileSync(file);

    const again = await run(['backup', file], { DATA_DIR: live });
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const before = await logOf(live);
    const over = await run(['restore', file], { DATA_DIR: live });
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/restore into an empty data folder/);
    expect(await logOf(live)).toEqual(before);

    const notABackup = join(scratch, 'notes.txt');
    writeFileSync(notABackup, 'not a database');
    const wrong = await run(['restore', notABackup], { DATA_DIR: join(scratch, 'empty') });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/is not an ActionLedger backup/);

    const postgres = await run(['backup', join(scratch, 'pg.al')], {
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://postgres@127.0.0.1/x',
    });
    expect(postgres.code).toBe(2);
    expect(postgres.err).toMatch(/pg_dump/);
  });
});
