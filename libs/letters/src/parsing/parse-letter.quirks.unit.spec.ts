import { LetterInputError, parseLetter as parse, type ParsedFinding } from '@actionledger/letters';

/**
 * Each case is a fragment of a letter. A whole letter names its inspectorate and reports something (without
 * that, a text is not an inspection document), so each fragment is read as if signed off by Ofsted, after a
 * page gap; one about the letter's details, as if it also listed a strength after them.
 */
const parseLetter = (fragment: string) => parse(`${fragment}\n\n\nYours sincerely\n\nOfsted\n`);
const parseDetails = (fragment: string) =>
  parse(`${fragment}\n\nStrengths\n\n- Managers are visible.\n\n\nYours sincerely\n\nOfsted\n`);

const texts = (findings: ParsedFinding[]) => findings.map((finding) => finding.text);
const lines = (...parts: string[]) => parts.join('\n');

describe('parseLetter: what real letter text carries', () => {
  describe('bullets', () => {
    it.each([
      ['hyphens', '- '],
      ['round bullets', '• '],
      ['square bullets', '▪ '],
      ['asterisks', '* '],
      ['a Symbol-font bullet that lost its font', '\uf0b7 '],
      ['a lost glyph turned question mark', '? '],
      ['a Word second-level "o"', 'o '],
    ])('reads items marked with %s', (_style, mark) => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          `${mark}Managers are visible.`,
          `${mark}Supervision is regular and reflective.`,
        ),
      );
      expect(parsed.findings).toEqual([
        { category: 'strength', timescale: 'none', text: 'Managers are visible.' },
        { category: 'strength', timescale: 'none', text: 'Supervision is regular and reflective.' },
      ]);
    });

    it('reads a bullet that lost its glyph altogether as a paragraph finding', () => {
      const parsed = parseLetter(lines('Strengths', '', ' Social workers know their families well.'));
      expect(texts(parsed.findings)).toEqual(['Social workers know their families well.']);
    });

    it('splits items run together on one line by their glyphs', () => {
      const parsed = parseLetter(
        lines('Areas for development', '▪ Plans are vague. ▪ Records are late. • Audits lag.'),
      );
      expect(texts(parsed.findings)).toEqual(['Plans are vague.', 'Records are late.', 'Audits lag.']);
    });

    it('joins the wrapped lines of an item, and a word hyphenated at a line end', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Records are up-to-',
          '  date and decisions are',
          '  clearly recorded.',
          '- Next.',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'Records are up-to-date and decisions are clearly recorded.',
        'Next.',
      ]);
    });

    it('takes a bullet glyph left at the end of a line as marking the next line', () => {
      const parsed = parseLetter(lines('Strengths', '▪ Plans are clear. ▪', 'Reviews are timely.'));
      expect(texts(parsed.findings)).toEqual(['Plans are clear.', 'Reviews are timely.']);
    });
  });

  describe('HTML remnants', () => {
    it('drops list tags, underlining, superscripts and entities', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '<ul style="list-style-type: none"> ▪ Visits on 9<sup>th</sup> day are <u>always</u> recorded. ▪ Staff &amp; managers agree.',
          '<ul>',
          '<li>Partners attend&nbsp;meetings.</li>',
          '</ul>',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'Visits on 9th day are always recorded.',
        'Staff & managers agree.',
        'Partners attend meetings.',
      ]);
    });

    it('keeps a markdown link out of the findings', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Plans are clear.',
          '',
          'The full report is at',
          '',
          '<http://www.ofsted.gov.uk/la>',
        ),
      );
      expect(texts(parsed.findings)).toEqual(['Plans are clear.']);
    });
  });

  describe('page furniture', () => {
    it('takes page numbers, running headers and the letterhead out of an item broken by a page', () => {
      const parsed = parseLetter(
        lines(
          'Areas for development',
          '',
          '- Not all decisions to close contacts are seen and agreed',
          'Page 2 of 3',
          '',
          'Sometown Council – unannounced inspection of contact, referral and assessment',
          'Piccadilly Gate Store Street Manchester M1 2WD',
          'T 0300 123 1231 enquiries@ofsted.gov.uk',
          '',
          'by a manager.',
          '- Records are late.',
          '',
          'Sometown Council – unannounced inspection of contact, referral and assessment',
          'Page 3 of 3',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'Not all decisions to close contacts are seen and agreed by a manager.',
        'Records are late.',
      ]);
    });

    it('skips a header printed with the page number', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Plans are clear.',
          '',
          'Page 2 of 2',
          'London Borough of Somewhere – inspection letter',
          '',
          '- Reviews are timely.',
        ),
      );
      expect(texts(parsed.findings)).toEqual(['Plans are clear.', 'Reviews are timely.']);
    });

    it('skips a logo caption standing in a page gap', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Plans are clear.',
          '',
          '',
          '',
          'INVESTOR IN PEOPLE',
          '',
          '- Reviews are timely.',
        ),
      );
      expect(texts(parsed.findings)).toEqual(['Plans are clear.', 'Reviews are timely.']);
    });
  });

  describe('a sentence broken across a page gap', () => {
    it('is joined again when it resumes in lower case', () => {
      const parsed = parseLetter(
        lines('Strengths', '', 'Their plans are holistic and result in', '', '', '', 'effective services.'),
      );
      expect(texts(parsed.findings)).toEqual(['Their plans are holistic and result in effective services.']);
    });

    it('is joined again when it broke after a word no sentence ends on', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Staff train jointly with the',
          '',
          '',
          'Local Safeguarding Children Board.',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'Staff train jointly with the Local Safeguarding Children Board.',
      ]);
    });

    it('is joined when a page falls between two sentences of a list item', () => {
      const parsed = parseLetter(
        lines(
          'Strengths',
          '',
          '- Children are seen.',
          '',
          '',
          'Their views are recorded.',
          '- Plans are clear.',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'Children are seen. Their views are recorded.',
        'Plans are clear.',
      ]);
    });

    it('is not joined to a paragraph that starts a new sentence', () => {
      const parsed = parseLetter(
        lines('Areas for development', '', '- Records are late.', '', 'Plans are vague.'),
      );
      expect(texts(parsed.findings)).toEqual(['Records are late.', 'Plans are vague.']);
    });
  });

  describe('categories, from headings and the sentences that introduce lists', () => {
    it('reads the usual letter sections in order', () => {
      const parsed = parseLetter(
        lines(
          'The inspection identified areas of strength and areas of practice that met requirements, with some areas for development.',
          '',
          'From the evidence gathered, the following features of the service were identified:',
          '',
          'Key strengths',
          '- A.',
          '',
          'The service meets the requirements of statutory guidance in the following areas:',
          '- B.',
          '',
          'AREAS FOR FURTHER DEVELOPMENT',
          '- C.',
          '',
          'Areas for priority action',
          '- D.',
          '',
          'Recommendations',
          '- E.',
          '',
          'The areas for development identified above will be considered in any future inspection.',
          '',
          'Yours sincerely',
        ),
      );
      expect(parsed.findings.map((finding) => [finding.category, finding.text])).toEqual([
        ['strength', 'A.'],
        ['meets_requirements', 'B.'],
        ['area_for_development', 'C.'],
        ['priority_action', 'D.'],
        ['recommendation', 'E.'],
      ]);
    });

    it('reads "delivered satisfactorily in accordance with national guidance" as meeting requirements', () => {
      const parsed = parseLetter(
        lines(
          'The inspection identified areas where arrangements were delivered satisfactorily in accordance with national guidance, in particular:',
          '',
          '- Decisions are recorded.',
        ),
      );
      expect(parsed.findings[0].category).toBe('meets_requirements');
    });

    it('opens no list on an overview naming several categories, until a heading names one', () => {
      const parsed = parseLetter(
        lines(
          'From the evidence gathered, the following strengths and areas for development were identified:',
          '',
          'Not a finding.',
          '',
          'Areas for development',
          '- A finding.',
        ),
      );
      expect(parsed.findings).toEqual([
        { category: 'area_for_development', timescale: 'none', text: 'A finding.' },
      ]);
    });

    it('closes a list at a heading on something else', () => {
      const parsed = parseLetter(
        lines('Strengths', '- A.', '', 'Next steps', '', 'The council will write a plan.'),
      );
      expect(texts(parsed.findings)).toEqual(['A.']);
    });
  });

  describe('areas for priority action with timescales', () => {
    it('takes each item’s timescale from the label over it', () => {
      const parsed = parseLetter(
        lines(
          'Areas for priority action',
          '',
          'The council and its partners should take the following action.',
          '',
          'Immediately:',
          '- ensure that every child at risk has a qualified social worker',
          '',
          'Within three months',
          '- improve the quality of core assessments',
          '',
          'Within 6 months:',
          '- reduce reliance on agency staff',
        ),
      );
      expect(parsed.findings).toEqual([
        {
          category: 'priority_action',
          timescale: 'immediately',
          text: 'ensure that every child at risk has a qualified social worker',
        },
        {
          category: 'priority_action',
          timescale: 'within_3_months',
          text: 'improve the quality of core assessments',
        },
        {
          category: 'priority_action',
          timescale: 'within_6_months',
          text: 'reduce reliance on agency staff',
        },
      ]);
    });

    it('reads a timescale that labels the item itself, or ends it in brackets', () => {
      const parsed = parseLetter(
        lines(
          'Areas for priority action',
          '- Immediately: review all cases closed without a visit.',
          '- Ensure that strategy meetings include health (within three months).',
          '- Immediate action was taken to review each case.',
        ),
      );
      expect(parsed.findings.map((finding) => [finding.timescale, finding.text])).toEqual([
        ['immediately', 'review all cases closed without a visit.'],
        ['within_3_months', 'Ensure that strategy meetings include health (within three months).'],
        ['none', 'Immediate action was taken to review each case.'],
      ]);
    });
  });

  describe('committee reports', () => {
    const report = lines(
      'CHILDREN’S SERVICES SCRUTINY COMMITTEE',
      '',
      'Report of the Director of Children’s Services',
      '',
      '1. Why has this report come to the Committee?',
      '',
      '1.1 To report on the inspection of contact, referral and assessment arrangements, which took place on 18th and 19th October 2011.',
      '',
      '2. Areas for Development',
      '',
      '2.1 The following areas were identified for development:',
      '  - Assessments vary in quality.',
      '  - Thresholds are not understood.',
      '',
      '3. How we are addressing the areas for development',
      '',
      '3.1 Variable quality of assessments',
      '',
      'Action taken:',
      '- Audit of case files November 2011',
      '- Sign-off reviewed Dec 2011',
      '- Practice guidance issued from 9<sup>th</sup> January',
      '- Workshops held for all staff',
      '- 3.2 <u>Thresholds are not widely</u> <u>understood.</u>',
      '',
      'Actions completed:',
      '• Threshold document agreed on 16th January 2012',
      '',
      '4. Conclusion',
      '',
      '4.1 The Committee is asked to note the report.',
    );

    it('reads the findings and, under each area, the actions with their dates', () => {
      const parsed = parseLetter(report);
      expect(parsed.documentType).toBe('committee_report');
      expect(texts(parsed.findings)).toEqual([
        'Assessments vary in quality.',
        'Thresholds are not understood.',
      ]);
      expect(parsed.actionsTaken).toEqual([
        {
          area: 'Variable quality of assessments',
          text: 'Audit of case files November 2011',
          date: '2011-11',
        },
        { area: 'Variable quality of assessments', text: 'Sign-off reviewed Dec 2011', date: '2011-12' },
        // No year given: the first 9 January after the inspection.
        {
          area: 'Variable quality of assessments',
          text: 'Practice guidance issued from 9th January',
          date: '2012-01-09',
        },
        { area: 'Variable quality of assessments', text: 'Workshops held for all staff', date: null },
        {
          area: 'Thresholds are not widely understood.',
          text: 'Threshold document agreed on 16th January 2012',
          date: '2012-01-16',
        },
      ]);
    });

    it('does not take the committee’s own recommendation for a finding', () => {
      const parsed = parseLetter(
        lines('Strengths', '- A.', '', '5. RECOMMENDATION', '', '5.1 That the Committee notes this report.'),
      );
      expect(texts(parsed.findings)).toEqual(['A.']);
    });
  });

  describe('summaries for children', () => {
    it('reads "things that were good" and "things that needed improving"', () => {
      const parsed = parseLetter(
        lines(
          '## Sometown – Inspection of child protection',
          '',
          '**7 – 16 January 2013**',
          '',
          '### Summary report for children and young people',
          '',
          'Overall we rated Sometown as good for how effective child protection services are.',
          '',
          'Here is a summary of the things we found that were **good**:',
          '',
          'Social workers listen to children.',
          '',
          'Here is a summary of the things we found that **needed improving**:',
          '',
          'Plans are sometimes too long.',
          '',
          'The full inspection report was published on 15 February 2013.',
        ),
      );
      expect(parsed).toMatchObject({
        documentType: 'inspection_summary',
        authority: 'Sometown',
        inspectionType: 'child_protection',
        overallJudgement: 'good',
        letterDate: null,
        findings: [
          { category: 'strength', timescale: 'none', text: 'Social workers listen to children.' },
          { category: 'area_for_development', timescale: 'none', text: 'Plans are sometimes too long.' },
        ],
      });
      expect(parsed.inspectionDates).toHaveLength(10);
    });
  });

  describe('metadata', () => {
    it.each([
      ['conducted on 8 and 9 February 2011', ['2011-02-08', '2011-02-09']],
      ['took place on 18th and 19th October 2011', ['2011-10-18', '2011-10-19']],
      ['was carried out on 1, 2 and 3 March 2011', ['2011-03-01', '2011-03-02', '2011-03-03']],
      ['was carried out between 24 and 26 January 2012', ['2012-01-24', '2012-01-25', '2012-01-26']],
      ['was conducted on 30 November and 1 December 2010', ['2010-11-30', '2010-12-01']],
      ['was carried out from 30 November to 2 December 2010', ['2010-11-30', '2010-12-01', '2010-12-02']],
      [
        'took place on 30 December 2010 – 2 January 2011',
        ['2010-12-30', '2010-12-31', '2011-01-01', '2011-01-02'],
      ],
      ['was conducted on 5 January 2010', ['2010-01-05']],
    ])('reads the inspection dates in "the inspection %s"', (when, days) => {
      expect(parseDetails(`The inspection ${when}.`).inspectionDates).toEqual(days);
    });

    it('reads the letter date, the inspector and the authority from a letter', () => {
      const parsed = parseDetails(
        lines(
          '9 March 2011',
          '',
          'Mr A Person',
          'Director of Children’s Services',
          'Kingston upon Hull City Council',
          'Guildhall',
          'HU1 2AA',
          '',
          'Dear Mr Person',
          '',
          'This letter summarises the findings of the recent unannounced inspection within Kingston upon Hull City Council.',
          '',
          'Yours sincerely',
          '',
          '',
          'Ms Jane Smith-Jones HMI',
        ),
      );
      expect(parsed).toMatchObject({
        documentType: 'inspection_letter',
        letterDate: '2011-03-09',
        authority: 'Kingston upon Hull City Council',
        inspector: 'Jane Smith-Jones',
      });
    });

    it.each([
      ['have all been fully addressed', true],
      ['have been addressed', true],
      ['have not been addressed', false],
      ['have only been partially addressed', false],
      ['were considered', null],
    ])('reads whether the previous inspection’s areas %s', (verdict, addressed) => {
      const parsed = parseDetails(
        `The areas for development identified at the previous inspection in November 2009 ${verdict}.`,
      );
      expect(parsed.previousInspection).toEqual({ date: '2009-11', areasAddressed: addressed });
    });

    it('has no overall judgement where the document grades nothing overall', () => {
      expect(
        parseDetails('These inspections do not grade the service. Inspectors found inadequate recording.')
          .overallJudgement,
      ).toBeNull();
    });
  });

  describe('input that is not a letter', () => {
    it.each([
      'Preheat the oven to 180C. Mix the flour and the eggs, then bake for 20 minutes.',
      'lorem ipsum dolor',
    ])('rejects %j as not_a_letter', (text) => {
      expect(() => parse(text)).toThrow(expect.objectContaining({ reason: 'not_a_letter' }));
    });

    it.each(['', '   \n\t  '])('rejects %j as empty', (text) => {
      expect(() => parse(text)).toThrow(LetterInputError);
      expect(() => parse(text)).toThrow(expect.objectContaining({ reason: 'empty' }));
    });

    it('refuses text that names an inspection but reports nothing of one', () => {
      expect(() => parse('Ofsted inspection of Sometown Council.')).toThrow(
        expect.objectContaining({ reason: 'not_a_letter' }),
      );
    });

    it('refuses a list of findings that names no inspection', () => {
      expect(() => parse('Strengths\n\n- The code is well tested.\n')).toThrow(
        expect.objectContaining({ reason: 'not_a_letter' }),
      );
    });
  });

  describe('the end of a list, with no blank line to mark it', () => {
    it('ends the list at the letter’s closing remark on the next line', () => {
      const parsed = parse(
        lines(
          'Dear Ms Smith',
          'Focused visit to Sometown Council children’s services',
          'What needs to improve in this area of social work practice',
          '▪ The quality of case audits.',
          '▪ Adoption is considered for children. However, some children wait',
          'too long for a match.',
          'Ofsted will take the findings from this focused visit into account when planning your',
          'next inspection or visit.',
          'Yours sincerely,',
          'Ann Other',
          'Her Majesty’s Inspector',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'The quality of case audits.',
        'Adoption is considered for children. However, some children wait too long for a match.',
      ]);
    });

    it('does not take a finding that says "taken into account when planning" for the close', () => {
      const parsed = parseLetter(
        lines(
          'Areas for development',
          '',
          '- The views of children are not always taken into account when planning.',
          '- Supervision is irregular.',
        ),
      );
      expect(parsed.findings).toHaveLength(2);
    });

    it('ends an item on its bracketed tag where a short heading follows at once', () => {
      const parsed = parseLetter(
        lines(
          'What needs to improve in this area of social work practice',
          '▪ How manageable workers’ caseloads are, so that they have time for care leavers. (enabler 2,',
          'national framework)',
          'Main findings',
          'Inspectors saw strong practice from advisers and the virtual school staff, who support care leavers.',
        ),
      );
      expect(texts(parsed.findings)).toEqual([
        'How manageable workers’ caseloads are, so that they have time for care leavers. (enabler 2, national framework)',
      ]);
    });

    it('keeps the last line of an item that echoes the title, where it is the rest of a sentence', () => {
      const parsed = parseLetter(
        lines(
          'Inspection of services for looked after young people in Sometown',
          '',
          'Areas for improvement',
          '',
          'Ensure that the board monitors the comprehensive health needs of',
          'looked after young people',
          '',
          '',
          'Review the policy for young people preparing for university',
        ),
      );
      expect(texts(parsed.findings)).toContain(
        'Ensure that the board monitors the comprehensive health needs of looked after young people',
      );
    });
  });
});
