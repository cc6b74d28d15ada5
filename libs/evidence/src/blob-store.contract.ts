import { randomBytes } from 'node:crypto';
import type { BlobListing, BlobStore } from './blob-store.port';
import { sha256Of } from './sha256';

/**
 * The behaviour every `BlobStore` adapter must have, as jest tests. Each test stores random bytes of its own,
 * so the suite can run against a bucket other runs share.
 *
 * @param makeStore opens a store for one test; the suite closes it after the test.
 */
export function describeBlobStoreContract(
  name: string,
  makeStore: () => Promise<BlobStore>,
  cleanup?: () => Promise<void>,
): void {
  // Looked up only when a test file calls this, so the library can export the contract without loading jest.
  const { describe, it, expect, beforeEach, afterEach, afterAll } =
    globalThis as unknown as typeof import('@jest/globals');

  const listed = async (store: BlobStore, sha256: string): Promise<BlobListing | undefined> => {
    for await (const blob of store.list()) if (blob.sha256 === sha256) return blob;
    return undefined;
  };

  describe(`${name} keeps the BlobStore contract`, () => {
    let store: BlobStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());
    if (cleanup) afterAll(cleanup);

    it('names a blob by the SHA-256 of its bytes and gives back exactly those bytes', async () => {
      // Every byte value, so that no adapter gets away with treating the content as text.
      const bytes = Buffer.concat([
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
        randomBytes(70_000),
      ]);
      const stored = await store.put(bytes);
      expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
      expect(Buffer.compare((await store.get(stored.sha256))!, bytes)).toBe(0);
    });

    it('answers null for a hash it does not hold', async () => {
      expect(await store.get(sha256Of(randomBytes(32)))).toBeNull();
    });

    it('lists what it holds with its size and when it was stored', async () => {
      const before = Date.now();
      const bytes = randomBytes(1234);
      const { sha256 } = await store.put(bytes);
      const blob = await listed(store, sha256);
      expect(blob).toMatchObject({ sha256, size: 1234 });
      // Server clocks may run a little behind this one: the time is of the store, not of the test.
      expect(Math.abs(blob!.storedAt.getTime() - before)).toBeLessThan(10 * 60_000);
    });

    it('stores the same bytes once, however often they are put', async () => {
      const bytes = randomBytes(500);
      const first = await store.put(bytes);
      const second = await store.put(bytes);
      expect(second).toEqual(first);
      let count = 0;
      for await (const blob of store.list()) if (blob.sha256 === first.sha256) count++;
      expect(count).toBe(1);
      expect(Buffer.compare((await store.get(first.sha256))!, bytes)).toBe(0);
    });

    it('deletes a blob, and deleting one it does not hold does nothing', async () => {
      const { sha256 } = await store.put(randomBytes(64));
      await store.delete(sha256);
      expect(await store.get(sha256)).toBeNull();
      expect(await listed(store, sha256)).toBeUndefined();
      await expect(store.delete(sha256)).resolves.toBeUndefined();
    });

    it('refuses a name that is not a SHA-256 before it reaches a path or a key', async () => {
      for (const bad of [
        '../../etc/passwd',
        'ABC',
        `${'a'.repeat(63)}/`,
        sha256Of(Buffer.from('x')).toUpperCase(),
      ]) {
        await expect(store.get(bad)).rejects.toThrow(TypeError);
        await expect(store.delete(bad)).rejects.toThrow(TypeError);
      }
    });
  });
}
