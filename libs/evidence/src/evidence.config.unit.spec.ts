import { resolve } from 'node:path';
import { blobStoreConfigFromEnv, DEFAULT_EVIDENCE_LIMITS, evidenceLimitsFromEnv } from './evidence.config';

describe('the evidence configuration', () => {
  it('keeps files in DATA_DIR/evidence unless EVIDENCE_STORE_URL says otherwise', () => {
    expect(blobStoreConfigFromEnv({})).toEqual({ adapter: 'folder', root: resolve('./data', 'evidence') });
    expect(blobStoreConfigFromEnv({ DATA_DIR: '/srv/al' })).toEqual({
      adapter: 'folder',
      root: '/srv/al/evidence',
    });
    expect(blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 'file:///mnt/evidence' })).toEqual({
      adapter: 'folder',
      root: '/mnt/evidence',
    });
  });

  it('reads a bucket, a prefix, an endpoint and a region from an s3:// URL', () => {
    expect(
      blobStoreConfigFromEnv({
        EVIDENCE_STORE_URL:
          's3://council-evidence/actionledger/prod?endpoint=https://minio.internal:9000&region=eu-west-2',
      }),
    ).toEqual({
      adapter: 's3',
      bucket: 'council-evidence',
      prefix: 'actionledger/prod/',
      endpoint: 'https://minio.internal:9000',
      region: 'eu-west-2',
      forcePathStyle: true,
    });
    expect(blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 's3://bucket', AWS_REGION: 'eu-west-1' })).toEqual({
      adapter: 's3',
      bucket: 'bucket',
      prefix: '',
      endpoint: undefined,
      region: 'eu-west-1',
      forcePathStyle: false,
    });
  });

  it('refuses a URL it cannot use, and credentials in the URL, with a sentence that names the setting', () => {
    expect(() => blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 'evidence' })).toThrow(
      /EVIDENCE_STORE_URL must be/,
    );
    expect(() => blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 'https://bucket.example' })).toThrow(
      /s3:\/\/ or file:\/\//,
    );
    expect(() => blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 's3://key:secret@bucket/x' })).toThrow(
      /must not carry credentials/,
    );
    expect(() => blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: 's3://bucket?endpoint=minio:9000' })).toThrow(
      /endpoint .* must be an http\(s\) URL/,
    );
  });

  it('reads the limits, with defaults, and refuses nonsense', () => {
    expect(evidenceLimitsFromEnv({})).toEqual(DEFAULT_EVIDENCE_LIMITS);
    expect(
      evidenceLimitsFromEnv({
        EVIDENCE_MAX_FILE_BYTES: '1000',
        EVIDENCE_MAX_ACTION_BYTES: '5000',
        EVIDENCE_MAX_FILES: '2',
      }),
    ).toEqual({ maxFileBytes: 1000, maxActionBytes: 5000, maxFilesPerRequest: 2 });
    expect(() => evidenceLimitsFromEnv({ EVIDENCE_MAX_FILE_BYTES: '20MB' })).toThrow(
      'EVIDENCE_MAX_FILE_BYTES must be a whole number greater than 0, not "20MB".',
    );
    expect(() =>
      evidenceLimitsFromEnv({ EVIDENCE_MAX_FILE_BYTES: '10', EVIDENCE_MAX_ACTION_BYTES: '5' }),
    ).toThrow(/must be at least EVIDENCE_MAX_FILE_BYTES/);
  });
});
