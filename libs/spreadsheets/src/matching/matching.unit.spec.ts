import { matchFinding } from './finding-matching';
import { matchOwner } from './owner-matching';

const users = [
  { userId: 'u-jane', name: 'Jane Smith', email: 'jane.smith@durham.gov.uk' },
  { userId: 'u-ravi', name: 'Ravi Patel', email: 'r.patel@durham.gov.uk' },
  { userId: 'u-john', name: 'John Smith', email: 'john.smith@durham.gov.uk' },
];

describe('matching an owner cell to a user', () => {
  it('matches by an email anywhere in the cell or in the email column, ignoring case', () => {
    expect(matchOwner('Ravi (R.Patel@durham.gov.uk)', '', users)).toEqual({ userId: 'u-ravi', by: 'email' });
    expect(matchOwner('Head of Service', 'jane.smith@durham.gov.uk', users)).toEqual({
      userId: 'u-jane',
      by: 'email',
    });
  });

  it('matches by full name, "Surname, First", titles aside, and by initial where only one user fits', () => {
    expect(matchOwner('Mrs Jane Smith', '', users)).toEqual({ userId: 'u-jane', by: 'name' });
    expect(matchOwner('Patel, Ravi', '', users)).toEqual({ userId: 'u-ravi', by: 'name' });
    expect(matchOwner('R. Patel', '', users)).toEqual({ userId: 'u-ravi', by: 'name' });
  });

  it('leaves for the lead what fits no one or more than one', () => {
    expect(matchOwner('J Smith', '', users)).toBeNull();
    expect(matchOwner('Head of Safeguarding', '', users)).toBeNull();
    expect(matchOwner('someone@elsewhere.gov.uk', '', users)).toBeNull();
  });
});

describe('matching a row’s finding to the inspection’s', () => {
  const findings = [
    { findingId: 'f-1', text: 'Ensure that all contacts are screened promptly by qualified social workers.' },
    { findingId: 'f-2', text: 'Improve the quality and consistency of initial assessments.' },
    { findingId: 'f-3', text: 'Improve the quality of supervision records.' },
  ];

  it('matches the same words, numbering and punctuation aside, and a shortened start', () => {
    expect(
      matchFinding(
        'PA1: Ensure that all contacts are screened promptly by qualified social workers',
        findings,
      ),
    ).toBe('f-1');
    expect(matchFinding('1.2 improve the quality and consistency of initial assessments', findings)).toBe(
      'f-2',
    );
    expect(matchFinding('Ensure that all contacts are screened', findings)).toBe('f-1');
  });

  it('matches clearly alike wording, and proposes a new finding for what is like none or like two', () => {
    expect(matchFinding('Improve consistency and quality of the initial assessment', findings)).toBe('f-2');
    expect(matchFinding('Reduce the number of agency staff', findings)).toBeNull();
    expect(matchFinding('Improve the quality', findings)).toBeNull();
  });
});
