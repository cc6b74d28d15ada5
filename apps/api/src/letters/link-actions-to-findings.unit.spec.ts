import { findingAnsweredBy } from './link-actions-to-findings';

describe('linking a reported action to the finding it answers', () => {
  const findings = [
    { category: 'strength' as const, text: 'The quality of assessments is celebrated by partners.' },
    {
      category: 'area_for_development' as const,
      text: 'The quality of assessments needs to be more consistent, and the views of children are not recorded.',
    },
    {
      category: 'area_for_development' as const,
      text: 'Greater understanding of thresholds.',
    },
  ];

  it('matches a singular heading to a plural finding ("threshold" answers "thresholds")', () => {
    expect(
      findingAnsweredBy(
        "The threshold for referral to the children's social care service is not widely understood.",
        findings,
      ),
    ).toBe(2);
    expect(findingAnsweredBy('Variable quality of assessment', findings)).toBe(1);
  });

  it('never links to a strength, and leaves an action with no shared words unlinked', () => {
    expect(findingAnsweredBy('Celebrated by partners', findings)).toBeNull();
    expect(findingAnsweredBy('Budget', findings)).toBeNull();
  });
});
