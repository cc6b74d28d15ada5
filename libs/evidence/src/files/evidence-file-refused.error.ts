export type EvidenceRefusalReason = 'bad_name' | 'empty' | 'too_large' | 'unsupported_type' | 'type_mismatch';

/** A file that cannot be evidence: a 400 that names the file and says why; nothing is stored or recorded. */
export class EvidenceFileRefusedError extends Error {
  constructor(
    readonly reason: EvidenceRefusalReason,
    message: string,
    /** The multipart field the file came in. */
    readonly field = 'files',
  ) {
    super(message);
    this.name = 'EvidenceFileRefusedError';
  }
}
