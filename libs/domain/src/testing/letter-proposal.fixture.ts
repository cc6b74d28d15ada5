import type { LetterProposal } from '../letter-import/letter-proposal';

/** A small committee-report proposal: one strength, one area for development and an action taken on it. */
export const proposal: LetterProposal = {
  documentType: 'committee_report',
  authority: 'Sunderland',
  inspectionType: 'contact_referral_assessment',
  letterDate: null,
  inspectionDates: ['2011-10-18', '2011-10-19'],
  inspector: null,
  overallJudgement: null,
  judgements: [],
  planDeadline: null,
  previousInspection: { date: '2010-07', areasAddressed: false },
  findings: [
    {
      category: 'strength',
      timescale: 'none',
      text: 'Committed leadership.',
      source: { start: 0, end: 21, line: 1 },
    },
    {
      category: 'area_for_development',
      timescale: 'within_3_months',
      text: 'Assessments vary.',
      source: null,
    },
  ],
  actionsTaken: [
    {
      area: 'Variable quality of assessments',
      text: 'Audit held',
      date: '2011-11',
      findingIndex: 1,
      source: null,
    },
  ],
};
