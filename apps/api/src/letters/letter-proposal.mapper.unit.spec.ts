import { parseLetterWithSources } from '@actionledger/letters';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EditLetterDraftRequest } from './letter.requests';
import { toLetterProposal } from './letter-proposal.mapper';

const REPORT = [
  'Inspection of Sometown local authority children’s services',
  'Inspection dates: 4 to 8 May 2026',
  'Lead inspector: Jane Smith, His Majesty’s Inspector',
  'Judgement',
  'Grade',
  'The impact of leaders on social work practice with children and families',
  'Requires improvement to be good',
  'The experiences and progress of children in care',
  'Good',
  '',
  'What needs to improve?',
  '◼ The quality of case audits.',
  '',
  'You should submit an action plan that responds to these areas within 70 working days of receiving this letter.',
].join('\n');

describe('the proposal read from a report', () => {
  it('carries the sub-judgements and the plan’s deadline into the draft', () => {
    const proposal = toLetterProposal(parseLetterWithSources(REPORT));
    expect(proposal.judgements).toEqual([
      {
        area: 'The impact of leaders on social work practice with children and families',
        grade: 'requires_improvement',
      },
      { area: 'The experiences and progress of children in care', grade: 'good' },
    ]);
    expect(proposal.planDeadline).toEqual({ workingDays: 70 });
    expect(proposal.inspectionType).toBe('local_authority_childrens_services');
  });
});

describe('editing the judgements and the plan’s deadline of a draft', () => {
  const problems = (body: object) =>
    validateSync(plainToInstance(EditLetterDraftRequest, body)).map((error) => error.property);

  it('accepts sub-judgements, a deadline in working days or by date, and no deadline', () => {
    expect(problems({ judgements: [{ area: 'Care leavers', grade: 'requires_improvement' }] })).toEqual([]);
    expect(problems({ planDeadline: { workingDays: 70 } })).toEqual([]);
    expect(problems({ planDeadline: { date: '2024-05-09' } })).toEqual([]);
    expect(problems({ planDeadline: null })).toEqual([]);
  });

  it('refuses an unknown grade, a deadline with neither form, and a non-date', () => {
    expect(problems({ judgements: [{ area: 'Care leavers', grade: 'fine' }] })).toEqual(['judgements']);
    expect(problems({ planDeadline: {} })).toEqual(['planDeadline']);
    expect(problems({ planDeadline: { date: '9 May' } })).toEqual(['planDeadline']);
  });
});
