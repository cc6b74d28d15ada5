import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobListing, BlobStore, StoredBlob } from '../blob-store.port';
import { isSha256, requireSha256, sha256Of } from '../sha256';

/** Where a write is made before it is renamed into place; never a name a blob could have. */
const INCOMING = '.incoming';

/**
 * Blobs as files in a folder (`DATA_DIR/evidence` by default), at `<first two hex digits>/<sha256>` so that no
 * one directory grows too large. A blob is written to a temporary file, flushed to disk, then renamed onto its
 * name: a rename is atomic, so a crash leaves either no blob or the whole one, never a partial file under a hash.
 */
export class FolderBlobStore implements BlobStore {
  constructor(private readonly root: string) {
    mkdirSync(join(root, INCOMING), { recursive: true });
  }

  async put(bytes: Uint8Array): Promise<StoredBlob> {
    const sha256 = sha256Of(bytes);
    const temporary = join(this.root, INCOMING, randomUUID());
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      const shard = join(this.root, sha256.slice(0, 2));
      await mkdir(shard, { recursive: true });
      // Also when the blob exists: the rename refreshes its time (gc judges age by it) and mends an altered copy.
      await rename(temporary, this.pathOf(sha256));
      // The rename is durable only once its directory is: without this, a power cut after the event is appended
      // (SQLite syncs it) could lose the file the event names.
      await syncDirectory(shard);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size: bytes.byteLength };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(requireSha256(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async *list(): AsyncIterable<BlobListing> {
    for (const shard of await readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(join(this.root, shard))) {
        if (!isSha256(name) || !name.startsWith(shard)) continue;
        const info = await stat(join(this.root, shard, name)).catch(() => null);
        if (info?.isFile()) yield { sha256: name, size: info.size, storedAt: info.mtime };
      }
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(requireSha256(sha256)), { force: true });
  }

  async removeInterruptedWrites(startedBefore: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(join(this.root, INCOMING))) {
      const path = join(this.root, INCOMING, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < startedBefore) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  describe(): string {
    return this.root;
  }

  async close(): Promise<void> {}

  /** The file a blob lives in; tests use it to alter or lose one. */
  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
