import type { LetterProposal } from '@actionledger/domain';
import { reviewChanges, reviewFormFromBody, reviewFormFromProposal } from './letter-review.form';

const proposal: LetterProposal = {
  documentType: 'inspection_letter',
  authority: 'Durham County Council',
  inspectionType: 'contact_referral_assessment',
  letterDate: '2026-10-30',
  inspectionDates: ['2026-10-20', '2026-10-21'],
  inspector: null,
  overallJudgement: null,
  judgements: [],
  planDeadline: null,
  previousInspection: null,
  findings: [
    {
      category: 'priority_action',
      timescale: 'within_3_months',
      text: 'Screen contacts.',
      source: { start: 5, end: 21, line: 2 },
    },
  ],
  actionsTaken: [],
};

describe('the letter review form', () => {
  it('fills in from the draft and turns the same fields back into the same proposal, keeping the sources', () => {
    const form = reviewFormFromProposal(proposal);
    expect(form.letterDate).toEqual({ day: '30', month: '10', year: '2026' });
    const { changes, errors } = reviewChanges(form, proposal);
    expect(errors).toEqual([]);
    const {
      documentType: _type,
      overallJudgement: _o,
      judgements: _j,
      planDeadline: _p,
      previousInspection: _i,
      actionsTaken: _a,
      ...fields
    } = proposal;
    expect(changes).toEqual(fields);
  });

  it('reads a corrected finding from the posted fields', () => {
    const form = reviewFormFromBody(
      {
        authority: ' Durham ',
        inspectionType: 'focused_visit',
        'letterDate-day': '',
        'letterDate-month': '',
        'letterDate-year': '',
        inspectionDates: '2026-10-20 2026-10-22',
        inspector: '',
        'finding-0-category': 'area_for_development',
        'finding-0-timescale': 'within_6_months',
        'finding-0-text': 'Screen every contact.',
      },
      1,
    );
    expect(reviewChanges(form, proposal).changes).toMatchObject({
      authority: 'Durham',
      inspectionType: 'focused_visit',
      letterDate: null,
      inspectionDates: ['2026-10-20', '2026-10-22'],
      inspector: null,
      findings: [
        {
          category: 'area_for_development',
          timescale: 'within_6_months',
          text: 'Screen every contact.',
          source: proposal.findings[0].source,
        },
      ],
    });
  });

  it('names every field that is wrong and proposes no change', () => {
    const form = reviewFormFromBody(
      {
        inspectionType: 'tea',
        inspectionDates: '20/10/2026',
        'letterDate-day': '32',
        'letterDate-month': '1',
        'letterDate-year': '2026',
      },
      1,
    );
    const { changes, errors } = reviewChanges(form, proposal);
    expect(changes).toEqual({});
    expect(errors.map((error) => error.field)).toEqual([
      'authority',
      'inspectionType',
      'letterDate-day',
      'inspectionDates',
      'finding-0-category',
      'finding-0-timescale',
      'finding-0-text',
    ]);
  });
});
