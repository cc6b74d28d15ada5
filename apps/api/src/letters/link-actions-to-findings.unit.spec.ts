import { findingAnsweredBy } from './link-actions-to-findings';

describe('linking a reported action to the finding it answers', () => {
  const findings = [
    { category: 'strength' as const, text: 'The quality of assessments is celebrated by partners.' },
    {
      category: 'area_for_development' as const,
      text: 'The quality of assessments needs to be more consistent.',
    },
    {
      category: 'area_for_development' as const,
      text: "The council's integrated children's system (ICS) is slow.",
    },
  ];

  it('picks the area for development that shares most words with the heading', () => {
    expect(findingAnsweredBy('Variable quality of assessments', findings)).toBe(1);
    expect(findingAnsweredBy('ICS does not support efficient practice', findings)).toBe(2);
  });

  it('never links to a strength, and leaves an action with no shared words unlinked', () => {
    expect(findingAnsweredBy('Celebrated by partners', findings)).toBeNull();
    expect(findingAnsweredBy('Budget', findings)).toBeNull();
  });
});
