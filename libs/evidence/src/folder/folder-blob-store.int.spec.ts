import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBlobStoreContract } from '../blob-store.contract';
import { sha256Of } from '../sha256';
import { FolderBlobStore } from './folder-blob-store';

const root = mkdtempSync(join(tmpdir(), 'actionledger-blobs-'));

describeBlobStoreContract(
  'FolderBlobStore',
  async () => new FolderBlobStore(root),
  async () => rmSync(root, { recursive: true, force: true }),
);

describe('FolderBlobStore on a crash', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'actionledger-blobs-crash-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('leaves no partial blob when the process is killed while writing', async () => {
    const writer = fork(join(__dirname, '..', 'testing', 'blob-writer.process.js'), [folder], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    // Killed at once after its third blob, in the middle of writing the fourth (each is 8 MB).
    await new Promise<void>((stored) => {
      let count = 0;
      writer.on('message', () => {
        if (++count === 3) {
          writer.kill('SIGKILL');
          stored();
        }
      });
    });
    await new Promise((exited) => writer.once('exit', exited));

    const store = new FolderBlobStore(folder);
    const blobs = [];
    for await (const blob of store.list()) blobs.push(blob);
    expect(blobs.length).toBeGreaterThanOrEqual(3);
    for (const blob of blobs) expect(sha256Of((await store.get(blob.sha256))!)).toBe(blob.sha256);
  });

  it('does not take a write left half-done in its incoming folder for a blob', async () => {
    const store = new FolderBlobStore(folder);
    const bytes = Buffer.from('the first half of a file');
    writeFileSync(join(folder, '.incoming', 'interrupted'), bytes);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([]);
    expect(await store.get(sha256Of(bytes))).toBeNull();
    expect(readdirSync(folder).sort()).toEqual(['.incoming']);
  });

  it('removes the writes a crash interrupted, once they are old, and nothing else', async () => {
    const store = new FolderBlobStore(folder);
    const { sha256 } = await store.put(Buffer.from('a whole blob'));
    const incoming = join(folder, '.incoming');
    writeFileSync(join(incoming, 'interrupted-long-ago'), 'half');
    const longAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(join(incoming, 'interrupted-long-ago'), longAgo, longAgo);
    writeFileSync(join(incoming, 'being-written-now'), 'half');

    expect(await store.removeInterruptedWrites(new Date(Date.now() - 24 * 60 * 60 * 1000))).toBe(1);
    expect(readdirSync(incoming)).toEqual(['being-written-now']);
    expect((await store.get(sha256))?.toString()).toBe('a whole blob');
  });
});
