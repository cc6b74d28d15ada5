/** Small files of each accepted kind (and some refused ones), made byte by byte for tests. */

/** One stored (uncompressed) entry of a ZIP file: enough for a reader that looks at the first entries' names. */
function zipEntry(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const data = Buffer.from(content, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

const officeFile = (part: string) =>
  Buffer.concat([
    zipEntry('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    zipEntry(part, '<?xml version="1.0"?><document/>'),
  ]);

export const samples = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(32),
  ]),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from(';')]),
  docx: officeFile('word/document.xml'),
  xlsx: officeFile('xl/workbook.xml'),
  /** Word 97–2003 and Excel 97–2003 share this container. */
  cfb: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  text: Buffer.from(
    'Minutes of the safeguarding board, 12 November 2026.\nAll 412 contacts audited — 3 referred on.\n',
  ),
  csv: Buffer.from('contact,screened,by\n1,2026-11-03,qualified social worker\n'),
  /** A Windows program: a type file-type knows, and not one accepted as evidence. */
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(64)]),
  /** Bytes that are neither a known type nor UTF-8 text. */
  binary: Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0x00, 0x13, 0x37, 0xc3, 0x28]),
  textWithNul: Buffer.from('looks like text\0but is not'),
};
