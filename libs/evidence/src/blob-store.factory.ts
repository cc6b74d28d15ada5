import type { BlobStore } from './blob-store.port';
import type { BlobStoreConfig } from './evidence.config';
import { FolderBlobStore } from './folder/folder-blob-store';
import { S3BlobStore } from './s3/s3-blob-store';

export function createBlobStore(config: BlobStoreConfig): BlobStore {
  if (config.adapter === 'folder') return new FolderBlobStore(config.root);
  const { adapter: _, ...options } = config;
  return new S3BlobStore(options);
}
