/**
 * Where evidence files live, named by the SHA-256 of their bytes. The bytes never enter the event log: an
 * `EvidenceAttached` event carries the hash, and the blob store keeps the file under it. The behaviour every
 * adapter must have is `blob-store.contract.ts`.
 */
export interface BlobStore {
  /**
   * Stores the bytes under their SHA-256 (computed here, never taken from the caller) and returns it. Storing
   * bytes already stored succeeds and marks the blob as freshly stored, so a concurrent `evidence gc` does not
   * take a blob an attachment is about to reference. A crash never leaves a partial blob under a hash.
   */
  put(bytes: Uint8Array): Promise<StoredBlob>;
  /** The bytes stored under `sha256`, exactly as they are now (they may have been altered outside); null if none. */
  get(sha256: string): Promise<Buffer | null>;
  /** Every blob in the store, in no particular order. */
  list(): AsyncIterable<BlobListing>;
  /** Removes the blob; removing one that is not there does nothing. */
  delete(sha256: string): Promise<void>;
  /**
   * Removes what writes interrupted by a crash left behind (never a blob: a partial write has no hash name),
   * begun before `startedBefore`; returns how many. A store whose writes are atomic has nothing to remove.
   */
  removeInterruptedWrites(startedBefore: Date): Promise<number>;
  /** Where the blobs are, for messages (a folder or an s3:// URL, never a credential). */
  describe(): string;
  close(): Promise<void>;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobListing {
  sha256: string;
  size: number;
  /** When it was last stored: what `evidence gc` judges its age by. */
  storedAt: Date;
}

export const BLOB_STORE = Symbol('BlobStore');
