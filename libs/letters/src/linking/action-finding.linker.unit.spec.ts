import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ParsedLetter } from '../letter.types';
import { describeWithFolder, seedLettersFolder } from '../testing/letters-folders';
import { findingAnsweredBy, significantStems } from './action-finding.linker';

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
    { category: 'recommendation' as const, text: 'Agree the thresholds for referral with partners.' },
  ];

  it('picks the finding that shares most stemmed words with the heading', () => {
    expect(findingAnsweredBy('Variable quality of assessment', findings)).toBe(1);
    expect(findingAnsweredBy('ICS does not support efficient practice', findings)).toBe(2);
    expect(findingAnsweredBy('The threshold for referral is not understood', findings)).toBe(3);
  });

  it('reads plural and singular, and verb forms, as one word', () => {
    expect(significantStems('thresholds assessments referrals')).toEqual(
      significantStems('threshold assessment referral'),
    );
  });

  it('never links to a strength, and leaves an action with no shared words unlinked', () => {
    expect(findingAnsweredBy('Celebrated by partners', findings.slice(0, 3))).toBeNull();
    expect(findingAnsweredBy('Budget', findings)).toBeNull();
  });
});

describeWithFolder(seedLettersFolder(), 'the Sunderland scrutiny report', (folder) => {
  it('links each area’s actions to the area for development it answers, the thresholds among them', () => {
    const file = path.join(folder, 'sunderland-2011-10-scrutiny-report.gold.json');
    const gold = JSON.parse(readFileSync(file, 'utf8')) as ParsedLetter;
    const linked = gold.actionsTaken.map(
      (action) => gold.findings[findingAnsweredBy(action.area, gold.findings)!],
    );
    const byArea = new Map(gold.actionsTaken.map((action, index) => [action.area, linked[index].text]));
    const [assessments, thresholds, ics, strategy] = gold.findings.filter(
      (finding) => finding.category === 'area_for_development',
    );
    expect([...byArea.values()]).toEqual([assessments.text, thresholds.text, ics.text, strategy.text]);
  });
});
