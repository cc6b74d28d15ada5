import { fromBuffer } from 'file-type';
import { sha256Of } from '../sha256';
import { EvidenceFileRefusedError } from './evidence-file-refused.error';
import { extensionOf, fileNameProblem } from './evidence-file-name';
import {
  ACCEPTED_DESCRIPTION,
  CSV,
  DETECTED_KINDS,
  PLAIN_TEXT,
  type EvidenceKind,
} from './evidence-media-types';

/** An uploaded file that may be stored as evidence: what `EvidenceAttached` records of it. */
export interface CheckedEvidenceFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

const describeBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${bytes.toLocaleString('en-GB')} bytes`;

/** Text has no magic number: it is text if it is valid UTF-8 with no NUL in it. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

async function kindsOf(bytes: Uint8Array): Promise<readonly EvidenceKind[]> {
  const detected = await fromBuffer(bytes);
  if (detected) return DETECTED_KINDS[detected.mime] ?? [];
  return isText(bytes) ? [PLAIN_TEXT, CSV] : [];
}

/**
 * Checks one uploaded file before anything is stored: a name that can be kept, not empty, within the limit,
 * and of an accepted type judged by its bytes, with a name whose extension agrees. Refuses with
 * `EvidenceFileRefusedError`, which names the file.
 */
export async function checkEvidenceFile(
  upload: { fileName: string; bytes: Uint8Array },
  limits: { maxFileBytes: number },
): Promise<CheckedEvidenceFile> {
  const { fileName, bytes } = upload;
  const shown = JSON.stringify(fileName);
  const nameProblem = fileNameProblem(fileName);
  if (nameProblem) throw new EvidenceFileRefusedError('bad_name', `The file ${shown} ${nameProblem}.`);
  if (bytes.byteLength === 0) throw new EvidenceFileRefusedError('empty', `The file ${shown} is empty.`);
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new EvidenceFileRefusedError(
      'too_large',
      `The file ${shown} is ${describeBytes(bytes.byteLength)}, more than the ${describeBytes(limits.maxFileBytes)} a file of evidence may be.`,
    );
  }
  const kinds = await kindsOf(bytes);
  if (kinds.length === 0) {
    throw new EvidenceFileRefusedError(
      'unsupported_type',
      `The file ${shown} is not of a type accepted as evidence (${ACCEPTED_DESCRIPTION}), judged by its content.`,
    );
  }
  const extension = extensionOf(fileName);
  const kind = kinds.find((candidate) => candidate.extensions.includes(extension));
  if (!kind) {
    const expected = kinds.flatMap((candidate) => candidate.extensions.map((ext) => `.${ext}`)).join(' or ');
    throw new EvidenceFileRefusedError(
      'type_mismatch',
      `The file ${shown} does not hold what its name says: its content is ${expected}, so its name must end in that.`,
    );
  }
  return { fileName, mediaType: kind.mediaType, size: bytes.byteLength, sha256: sha256Of(bytes), bytes };
}
