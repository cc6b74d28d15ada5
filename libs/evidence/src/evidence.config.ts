import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3BlobStoreOptions } from './s3/s3-blob-store';

export type BlobStoreConfig = { adapter: 'folder'; root: string } | ({ adapter: 's3' } & S3BlobStoreOptions);

/** How much evidence may be sent: per file, per request and in all on one action. */
export interface EvidenceLimits {
  maxFileBytes: number;
  maxActionBytes: number;
  maxFilesPerRequest: number;
}

export interface EvidenceConfig {
  store: BlobStoreConfig;
  limits: EvidenceLimits;
}

const MIB = 1024 * 1024;
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxFileBytes: 20 * MIB,
  maxActionBytes: 100 * MIB,
  maxFilesPerRequest: 10,
};

/** A bad EVIDENCE_* setting: the start stops with this sentence. */
export class EvidenceConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceConfigError';
  }
}

/**
 * `EVIDENCE_STORE_URL` absent: a folder, `DATA_DIR/evidence`. `file:///srv/evidence`: that folder.
 * `s3://bucket/prefix?endpoint=https://minio.internal:9000&region=eu-west-2`: a bucket (path-style addressing
 * when an endpoint is given, unless `forcePathStyle=false`).
 */
export function blobStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BlobStoreConfig {
  const location = env.EVIDENCE_STORE_URL?.trim();
  if (!location) return { adapter: 'folder', root: resolve(env.DATA_DIR?.trim() || './data', 'evidence') };
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new EvidenceConfigError(`EVIDENCE_STORE_URL must be an s3:// or file:// URL, not "${location}".`);
  }
  if (url.protocol === 'file:') return { adapter: 'folder', root: fileURLToPath(url) };
  if (url.protocol !== 's3:') {
    throw new EvidenceConfigError(
      `EVIDENCE_STORE_URL must be an s3:// or file:// URL, not one starting "${url.protocol}//".`,
    );
  }
  if (url.username || url.password) {
    throw new EvidenceConfigError(
      'EVIDENCE_STORE_URL must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead.',
    );
  }
  const bucket = url.hostname;
  if (!bucket) throw new EvidenceConfigError('EVIDENCE_STORE_URL names no bucket: s3://BUCKET/prefix.');
  const path = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  const endpoint = url.searchParams.get('endpoint')?.trim() || undefined;
  if (endpoint && !/^https?:\/\/\S+$/.test(endpoint)) {
    throw new EvidenceConfigError(
      `The endpoint in EVIDENCE_STORE_URL must be an http(s) URL, not "${endpoint}".`,
    );
  }
  const pathStyle = url.searchParams.get('forcePathStyle');
  return {
    adapter: 's3',
    bucket,
    prefix: path === '' || path.endsWith('/') ? path : `${path}/`,
    endpoint,
    region: url.searchParams.get('region')?.trim() || env.AWS_REGION?.trim() || 'us-east-1',
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle !== 'false',
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new EvidenceConfigError(`${name} must be a whole number greater than 0, not "${raw}".`);
  }
  return value;
}

/** EVIDENCE_MAX_FILE_BYTES, EVIDENCE_MAX_ACTION_BYTES and EVIDENCE_MAX_FILES, with the defaults above. */
export function evidenceLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceLimits {
  const limits = {
    maxFileBytes: positiveInteger(env, 'EVIDENCE_MAX_FILE_BYTES', DEFAULT_EVIDENCE_LIMITS.maxFileBytes),
    maxActionBytes: positiveInteger(env, 'EVIDENCE_MAX_ACTION_BYTES', DEFAULT_EVIDENCE_LIMITS.maxActionBytes),
    maxFilesPerRequest: positiveInteger(
      env,
      'EVIDENCE_MAX_FILES',
      DEFAULT_EVIDENCE_LIMITS.maxFilesPerRequest,
    ),
  };
  if (limits.maxActionBytes < limits.maxFileBytes) {
    throw new EvidenceConfigError(
      `EVIDENCE_MAX_ACTION_BYTES (${limits.maxActionBytes}) must be at least EVIDENCE_MAX_FILE_BYTES (${limits.maxFileBytes}).`,
    );
  }
  return limits;
}

export function evidenceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceConfig {
  return { store: blobStoreConfigFromEnv(env), limits: evidenceLimitsFromEnv(env) };
}
