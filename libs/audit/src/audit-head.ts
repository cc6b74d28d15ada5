import { hash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/**
 * The audit head: one digest over the heads (stream id, revision, hash) of every stream as of a log position,
 * short enough to minute. It reads `ah1-<position>-<SHA-256 hex>`: the version of this encoding, the position it
 * covers (so that checking it needs nothing else), and SHA-256 over the RFC 8785 canonical JSON of
 * `{ position, heads: [[streamId, revision, hash], …] }` with the streams in code-unit order of their ids.
 */
export interface AuditHead {
  digest: string;
  /** The last log position the head covers: every event at or before it, none after. */
  position: bigint;
  streams: number;
}

const PREFIX = 'ah1';
const DIGEST = /^ah1-(0|[1-9][0-9]{0,19})-([0-9a-f]{64})$/;

export class InvalidAuditHeadError extends TypeError {
  constructor(text: string) {
    super(
      `"${text}" is not an audit head: one reads ah1-<position>-<64 hex digits>, as \`audit head\` prints it.`,
    );
    this.name = 'InvalidAuditHeadError';
  }
}

export function auditHeadOf(
  position: bigint,
  heads: ReadonlyMap<string, { revision: number; hash: string }>,
): AuditHead {
  const streamIds = [...heads.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = canonicalize({
    position: position.toString(),
    heads: streamIds.map((streamId) => {
      const head = heads.get(streamId)!;
      return [streamId, head.revision, head.hash];
    }),
  });
  return {
    digest: `${PREFIX}-${position}-${hash('sha256', canonical, 'hex')}`,
    position,
    streams: heads.size,
  };
}

/** The log position an audit head covers; throws `InvalidAuditHeadError` for anything that is not a head. */
export function auditHeadPosition(digest: string): bigint {
  const match = DIGEST.exec(digest.trim());
  if (!match) throw new InvalidAuditHeadError(digest);
  return BigInt(match[1]);
}
