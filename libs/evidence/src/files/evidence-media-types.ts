/**
 * The kinds of file accepted as evidence, each with the extensions its name may have. The type is decided from
 * the bytes (file-type's magic numbers); the name only has to agree with it.
 */
export interface EvidenceKind {
  mediaType: string;
  extensions: readonly string[];
}

const PDF: EvidenceKind = { mediaType: 'application/pdf', extensions: ['pdf'] };
const DOCX: EvidenceKind = {
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['docx'],
};
const XLSX: EvidenceKind = {
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['xlsx'],
};
const DOC: EvidenceKind = { mediaType: 'application/msword', extensions: ['doc'] };
const XLS: EvidenceKind = { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] };
const PNG: EvidenceKind = { mediaType: 'image/png', extensions: ['png'] };
const JPEG: EvidenceKind = { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
const GIF: EvidenceKind = { mediaType: 'image/gif', extensions: ['gif'] };
export const PLAIN_TEXT: EvidenceKind = { mediaType: 'text/plain', extensions: ['txt', 'text', 'md'] };
export const CSV: EvidenceKind = { mediaType: 'text/csv', extensions: ['csv'] };

/** By the MIME type file-type detects. */
export const DETECTED_KINDS: Readonly<Record<string, readonly EvidenceKind[]>> = {
  'application/pdf': [PDF],
  [DOCX.mediaType]: [DOCX],
  [XLSX.mediaType]: [XLSX],
  // Word 97–2003 and Excel 97–2003 are both Compound File Binary containers; the extension tells them apart.
  'application/x-cfb': [DOC, XLS],
  'image/png': [PNG],
  'image/jpeg': [JPEG],
  'image/gif': [GIF],
};

export const ACCEPTED_DESCRIPTION =
  'PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PNG, JPEG, GIF, text or CSV';
