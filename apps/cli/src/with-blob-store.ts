import {
  blobStoreConfigFromEnv,
  createBlobStore,
  EvidenceConfigError,
  type BlobStore,
} from '@actionledger/evidence';
import { CliError, EXIT } from './cli-error';
import type { CliIo } from './cli-io';

/** Opens the evidence store the environment names (DATA_DIR, EVIDENCE_STORE_URL), runs `work`, and closes it. */
export async function withBlobStore<T>(io: CliIo, work: (blobs: BlobStore) => Promise<T>): Promise<T> {
  let blobs: BlobStore;
  try {
    blobs = createBlobStore(blobStoreConfigFromEnv(io.env));
  } catch (error) {
    if (error instanceof EvidenceConfigError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  try {
    return await work(blobs);
  } finally {
    await blobs.close();
  }
}
