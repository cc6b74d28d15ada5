import { describeBlobStoreContract } from '../blob-store.contract';
import { blobStoreConfigFromEnv } from '../evidence.config';
import { S3BlobStore } from './s3-blob-store';

/** An S3-compatible bucket to test against (EVIDENCE_S3_TEST_URL, else an s3:// EVIDENCE_STORE_URL), e.g. s3://actionledger-test/ci?endpoint=http://127.0.0.1:9000. */
const configured = process.env.EVIDENCE_STORE_URL?.startsWith('s3://')
  ? process.env.EVIDENCE_STORE_URL
  : undefined;
const location = process.env.EVIDENCE_S3_TEST_URL || configured;
const describeIf = location ? describe : describe.skip;
if (!location) {
  // Straight to stderr: jest drops what a file whose tests are all skipped logs through console.
  process.stderr.write(
    'S3BlobStore contract SKIPPED: neither EVIDENCE_S3_TEST_URL nor an s3:// EVIDENCE_STORE_URL is set, so there is no S3-compatible server to test ' +
      'against. Set it (e.g. s3://actionledger-test/ci?endpoint=http://127.0.0.1:9000, with AWS_ACCESS_KEY_ID and ' +
      'AWS_SECRET_ACCESS_KEY) to run the suite.\n',
  );
}

describeIf('S3BlobStore (needs EVIDENCE_S3_TEST_URL; skipped without it)', () => {
  describeBlobStoreContract('S3BlobStore', async () => {
    const config = blobStoreConfigFromEnv({ EVIDENCE_STORE_URL: location });
    if (config.adapter !== 's3') throw new Error('EVIDENCE_S3_TEST_URL must be an s3:// URL.');
    const { adapter: _, ...options } = config;
    return new S3BlobStore(options);
  });
});
