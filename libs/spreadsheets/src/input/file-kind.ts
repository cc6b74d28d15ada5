export type FileKind = 'xlsx' | 'ole' | 'text' | 'binary';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  magic.every((byte, index) => bytes[index] === byte);

/**
 * What the bytes are, by their content, never by the file's name. Text holds no NUL byte and few control
 * characters (a PDF or an image has many within its first kilobytes).
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) return 'ole';
  const sample = bytes.subarray(0, 8 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'binary';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control += 1;
  }
  return control > sample.length / 100 ? 'binary' : 'text';
}

/**
 * An Office file encrypted with a password is an OLE compound file holding an "EncryptionInfo" stream (its
 * directory names are UTF-16LE); any other OLE file here is an Excel 97–2003 workbook.
 */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}
