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

  it('reads areas "from previous inspections" that "are addressed"', () => {
    const report =
      'The previous inspection of Sometown’s services was in November 2012. Senior managers have ensured that areas for development in previous inspections are addressed.';
    expect(previousInspection(report, '2014-03-03')).toEqual({ date: '2012-11', areasAddressed: true });
  });

  it('does not read an earlier strength not sustained as areas not addressed', () => {
    const report =
      'Since the last inspection in 2022, when services were judged to be good, some services have deteriorated. Leaders have not sustained the conditions for effective practice since the last inspection.';
    expect(previousInspection(report, '2026-06-01')).toEqual({ date: '2022', areasAddressed: null });
  });

  it('dates the earlier inspection from "since the … inspection in" where "the last inspection" gives no date', () => {
    const report = [
      'Since the child protection inspection in February 2013, a performance framework has been introduced.',
      '',
      'The board was re-established following a recommendation of the last Ofsted inspection.',
    ].join('\n');
    expect(previousInspection(report, '2013-06-24')).toEqual({ date: '2013-02', areasAddressed: null });
    // Dated after this inspection began, it is not an earlier one.
    expect(previousInspection(report, '2013-01-07')).toEqual({ date: null, areasAddressed: null });
  });
});
