import { layOutLetter } from './letter-layout';
import { extractPreviousInspection } from './previous-inspection.extractor';

const previousInspection = (text: string, inspectionStart: string | null = null) =>
  extractPreviousInspection(layOutLetter(text), inspectionStart).value;

describe('extractPreviousInspection', () => {
  it.each([
    'Inspectors found that the council has successfully addressed the areas for development identified at the last inspection in September 2010.',
    'The areas for development identified at the previous inspection in September 2010 were addressed.',
    'The areas for development from the previous inspection in September 2010 have all been successfully addressed.',
  ])('reads the areas as addressed in "%s"', (sentence) => {
    expect(previousInspection(sentence)).toEqual({ date: '2010-09', areasAddressed: true });
  });

  it.each([
    'The letter states that the areas for development identified at the previous inspection in November 2010 have not all been addressed.',
    'The areas for development identified at the previous inspection in November 2010 were not all addressed.',
    'The council has not yet fully addressed the areas identified at the last inspection in November 2010.',
  ])('reads the areas as not addressed in "%s"', (sentence) => {
    expect(previousInspection(sentence)).toEqual({ date: '2010-11', areasAddressed: false });
  });

  it('reads the first inspection as the previous one when it is dated before this one', () => {
    const report =
      'Sometown’s first unannounced inspection took place in July 2010 and was reported to this Committee in October 2010.';
    expect(previousInspection(report, '2011-11-08')).toEqual({ date: '2010-07', areasAddressed: null });
    expect(previousInspection(report, '2010-07-14')).toBeNull();
    expect(
      previousInspection('This was the council’s first unannounced inspection.', '2011-11-08'),
    ).toBeNull();
  });
});
