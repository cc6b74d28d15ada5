import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionStreamId } from '@actionledger/domain';
import { FolderBlobStore } from '@actionledger/evidence';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@actionledger/event-store';
import { appendChained, testMetadata } from '../../../libs/audit/src/testing/chained-events';
import { run } from './run-cli';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('actionledger audit verify --evidence, and evidence gc', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let blobs: FolderBlobStore;

  async function withStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
    const store = createEventStore(eventStoreConfigFromEnv(env));
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  /** Stores the file and records it on the action, as the API does: blob first, then the chained event. */
  async function attached(actionId: string, fileName: string, content: string): Promise<string> {
    const { sha256, size } = await blobs.put(Buffer.from(content));
    await withStore((store) =>
      appendChained(store, actionStreamId(actionId), [
        {
          id: randomUUID(),
          type: 'EvidenceAttached',
          data: {
            actionId,
            fileName,
            mediaType: 'text/plain',
            size,
            sha256,
            note: null,
            attachedBy: 'u-owner-1',
            attachedAt: '2026-11-02T09:00:00.000Z',
          },
          metadata: testMetadata(),
        },
      ]),
    );
    return sha256;
  }

  const storedLongAgo = (sha256: string) => {
    const then = new Date(Date.now() - 2 * DAY_MS);
    utimesSync(blobs.pathOf(sha256), then, then);
  };

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-cli-evidence-'));
    env = { DATA_DIR: dataDir };
    blobs = new FolderBlobStore(join(dataDir, 'evidence'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says the evidence is intact when every referenced file is there and hashes to its name', async () => {
    await attached('a1', 'audit-report.txt', 'the audit report');
    await attached('a1', 'minutes.txt', 'the minutes');
    await attached('a2', 'minutes-again.txt', 'the minutes');
    const { code, out, err } = await run(['audit', 'verify', '--evidence'], env);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      'The audit chain is intact: 3 events in 2 streams checked, up to log position 3.\n' +
        `The evidence is intact: 2 files (3 attachments) checked in ${join(dataDir, 'evidence')}.\n`,
    );
    expect((await run(['audit', 'verify'], env)).out).not.toContain('evidence');
  });

  it('names each file that was altered or lost, and exits 4', async () => {
    const altered = await attached('a1', 'audit-report.txt', 'the audit report');
    const lost = await attached('a2', 'minutes.txt', 'the minutes');
    await attached('a2', 'procedure.txt', 'the new procedure');
    writeFileSync(blobs.pathOf(altered), 'the audit report, improved afterwards');
    unlinkSync(blobs.pathOf(lost));

    const { code, out, err } = await run(['audit', 'verify', '--evidence'], env);
    expect(code).toBe(4);
    expect(out).toContain('The audit chain is intact');
    expect(err).toContain(
      `Evidence "audit-report.txt" (sha256 ${altered}, attached to action a1) was altered: the stored file now hashes to `,
    );
    expect(err).toContain(
      `Evidence "minutes.txt" (sha256 ${lost}, attached to action a2) is lost: there is no file under its hash`,
    );
    expect(err).not.toContain('procedure.txt');
    expect(err).toContain('2 of 3 evidence files are altered or lost');
  });

  it('lists, then removes, only the unreferenced files stored more than a day ago', async () => {
    const referenced = await attached('a1', 'audit-report.txt', 'the audit report');
    storedLongAgo(referenced);
    const orphan = (await blobs.put(Buffer.from('stored, never recorded: the process crashed'))).sha256;
    storedLongAgo(orphan);
    const fresh = (await blobs.put(Buffer.from('stored a moment ago, its event on its way'))).sha256;

    const listed = await run(['evidence', 'gc'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      new RegExp(`^${orphan}  43 bytes  stored \\S+\\n1 unreferenced file older than a day`),
    );
    expect(listed.out).not.toContain(referenced);
    expect(listed.out).not.toContain(fresh);
    expect(await blobs.get(orphan)).not.toBeNull();

    const interrupted = join(dataDir, 'evidence', '.incoming', 'interrupted');
    writeFileSync(interrupted, 'half a file');
    utimesSync(interrupted, new Date(Date.now() - 2 * DAY_MS), new Date(Date.now() - 2 * DAY_MS));

    const removed = await run(['evidence', 'gc', '--delete'], env);
    expect(removed.code).toBe(0);
    expect(removed.out).toContain('Removed 1 unreferenced file (43 bytes)');
    expect(removed.out).toContain('Removed 1 write(s) a crash interrupted.');
    expect(existsSync(interrupted)).toBe(false);
    expect(await blobs.get(orphan)).toBeNull();
    expect(await blobs.get(referenced)).not.toBeNull();
    expect(await blobs.get(fresh)).not.toBeNull();
    expect((await run(['evidence', 'gc'], env)).out).toContain('No unreferenced file older than a day');
    expect((await run(['audit', 'verify', '--evidence'], env)).code).toBe(0);
  });

  it('refuses an evidence store URL it cannot use, in one sentence', async () => {
    const { code, err } = await run(['evidence', 'gc'], {
      ...env,
      EVIDENCE_STORE_URL: 'ftp://files.example/x',
    });
    expect(code).toBe(2);
    expect(err).toBe(
      'actionledger: EVIDENCE_STORE_URL must be an s3:// or file:// URL, not one starting "ftp://".',
    );
  });
});
