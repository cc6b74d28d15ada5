import { auditHeadOf, auditHeadPosition, InvalidAuditHeadError } from './audit-head';

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

describe('the audit head', () => {
  const heads = new Map([
    ['action-2', { revision: 4, hash: hashA }],
    ['action-1', { revision: 0, hash: hashB }],
  ]);
  const head = auditHeadOf(17n, heads);

  it('reads as a versioned digest that carries its position', () => {
    expect(head.digest).toMatch(/^ah1-17-[0-9a-f]{64}$/);
    expect(head).toMatchObject({ position: 17n, streams: 2 });
    expect(auditHeadPosition(head.digest)).toBe(17n);
    expect(auditHeadPosition(`  ${head.digest}\n`)).toBe(17n);
  });

  it('does not depend on the order in which the streams were seen', () => {
    const reversed = new Map([...heads.entries()].reverse());
    expect(auditHeadOf(17n, reversed).digest).toBe(head.digest);
  });

  it('changes with any stream head, a vanished stream, or the position', () => {
    const changed = [
      auditHeadOf(17n, new Map([...heads, ['action-1', { revision: 0, hash: hashA }]])),
      auditHeadOf(17n, new Map([...heads, ['action-1', { revision: 1, hash: hashB }]])),
      auditHeadOf(17n, new Map([...heads].slice(0, 1))),
      auditHeadOf(18n, heads),
    ];
    for (const other of changed) expect(other.digest.slice(-64)).not.toBe(head.digest.slice(-64));
  });

  it('refuses anything that is not a head', () => {
    for (const text of [
      '',
      'ah1-17',
      `ah2-17-${hashA}`,
      `ah1--1-${hashA}`,
      `ah1-017-${hashA}`,
      `ah1-17-${hashA}0`,
    ]) {
      expect(() => auditHeadPosition(text)).toThrow(InvalidAuditHeadError);
    }
    expect(() => auditHeadPosition('nonsense')).toThrow(
      '"nonsense" is not an audit head: one reads ah1-<position>-<64 hex digits>, as `audit head` prints it.',
    );
  });
});
