export * from './blob-store.port';
export { createBlobStore } from './blob-store.factory';
export { describeBlobStoreContract } from './blob-store.contract';
export * from './evidence.config';
export { FolderBlobStore } from './folder/folder-blob-store';
export { S3BlobStore, type S3BlobStoreOptions } from './s3/s3-blob-store';
export { checkEvidenceFile, type CheckedEvidenceFile } from './files/check-evidence-file';
export { EvidenceFileRefusedError, type EvidenceRefusalReason } from './files/evidence-file-refused.error';
export { ACCEPTED_DESCRIPTION } from './files/evidence-media-types';
export { EvidenceCatalogue } from './log/evidence-catalogue';
export {
  EvidenceReferences,
  isEvidenceAttached,
  readEvidenceReferences,
  type EvidenceReference,
} from './log/evidence-references';
export {
  describeEvidenceProblem,
  verifyEvidence,
  type EvidenceProblem,
  type EvidenceVerification,
} from './log/verify-evidence';
export { findUnreferencedBlobs, GC_MIN_AGE_MS } from './log/unreferenced-blobs';
export { isSha256, sha256Of } from './sha256';
