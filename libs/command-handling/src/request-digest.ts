import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/**
 * What an Idempotency-Key is bound to: the command, the record it is about and what the caller asked. A key
 * reused for anything else is refused rather than answered with the first request's result.
 */
export function requestDigest(commandType: string, streamId: string, payload: unknown): string {
  return createHash('sha256')
    .update(canonicalize({ commandType, streamId, payload: payload ?? null }))
    .digest('base64url');
}
