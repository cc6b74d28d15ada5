import { sha256Of } from '../sha256';
import { samples } from '../testing/evidence-samples';
import { checkEvidenceFile } from './check-evidence-file';
import { EvidenceFileRefusedError } from './evidence-file-refused.error';

const limits = { maxFileBytes: 1024 };
const check = (fileName: string, bytes: Buffer) => checkEvidenceFile({ fileName, bytes }, limits);
const refusal = async (fileName: string, bytes: Buffer) => {
  const error = await check(fileName, bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(EvidenceFileRefusedError);
  return error as EvidenceFileRefusedError;
};

describe('checkEvidenceFile', () => {
  it.each([
    ['audit-report.pdf', 'application/pdf', samples.pdf],
    [
      'Procedure.DOCX',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      samples.docx,
    ],
    ['contacts.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', samples.xlsx],
    ['old-minutes.doc', 'application/msword', samples.cfb],
    ['old-register.xls', 'application/vnd.ms-excel', samples.cfb],
    ['whiteboard.png', 'image/png', samples.png],
    ['photo.jpeg', 'image/jpeg', samples.jpeg],
    ['photo.jpg', 'image/jpeg', samples.jpeg],
    ['chart.gif', 'image/gif', samples.gif],
    ['minutes.txt', 'text/plain', samples.text],
    ['contacts.csv', 'text/csv', samples.csv],
    ['Café — notes (final).md', 'text/plain', samples.text],
  ])('accepts %s as %s, judged by its bytes', async (fileName, mediaType, bytes) => {
    expect(await check(fileName, bytes)).toEqual({
      fileName,
      mediaType,
      size: bytes.length,
      sha256: sha256Of(bytes),
      bytes,
    });
  });

  it('refuses a type not accepted, whatever its name says', async () => {
    for (const [name, bytes] of [
      ['setup.exe', samples.exe],
      ['report.pdf', samples.exe],
      ['notes.txt', samples.binary],
      ['notes.txt', samples.textWithNul],
    ] as const) {
      const error = await refusal(name, bytes);
      expect(error.reason).toBe('unsupported_type');
      expect(error.message).toContain(JSON.stringify(name));
    }
  });

  it('refuses a file whose name says another type than its bytes', async () => {
    const error = await refusal('report.pdf', samples.png);
    expect(error).toMatchObject({ reason: 'type_mismatch' });
    expect(error.message).toMatch(/its content is \.png/);
    expect((await refusal('minutes', samples.text)).reason).toBe('type_mismatch');
    expect((await refusal('minutes.doc', samples.docx)).reason).toBe('type_mismatch');
  });

  it('refuses an empty file and one over the limit, and takes one at the limit', async () => {
    expect((await refusal('empty.txt', Buffer.alloc(0))).reason).toBe('empty');
    const over = await refusal('big.txt', Buffer.alloc(1025, 'a'));
    expect(over.reason).toBe('too_large');
    expect(over.message).toContain('1,025 bytes, more than the 1,024 bytes');
    await expect(check('full.txt', Buffer.alloc(1024, 'a'))).resolves.toMatchObject({ size: 1024 });
  });

  it('refuses names with path separators, control characters or bidirectional overrides', async () => {
    for (const name of [
      '../../etc/passwd.txt',
      'reports/audit.txt',
      'C:\\temp\\audit.txt',
      'audit\u0000.txt',
      'audit\n.txt',
      'audit\u001b[31m.txt',
      'audit\u0085.txt',
      'evil\u202Etxt.exe.txt',
      ' ',
      '..',
      `${'a'.repeat(300)}.txt`,
    ]) {
      expect((await refusal(name, samples.text)).reason).toBe('bad_name');
    }
  });
});
