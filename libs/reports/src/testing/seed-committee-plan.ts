import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanScript } from '../../../projections/src/testing/plan-script';

/** The seed committee report's ground truth: its areas for development and the actions taken against them. */
export interface SeedCommitteeGold {
  authority: string;
  inspectionDates: string[];
  findings: { category: string; text: string }[];
  actionsTaken: { area: string; text: string; date: string | null }[];
}

export const SEED_COMMITTEE_REPORT = 'sunderland-2011-10-scrutiny-report';

export function readSeedCommitteeGold(folder: string): SeedCommitteeGold {
  return JSON.parse(
    readFileSync(join(folder, `${SEED_COMMITTEE_REPORT}.gold.json`), 'utf8'),
  ) as SeedCommitteeGold;
}

const at = (date: string) => `${date.length === 7 ? `${date}-15` : date}T10:00:00Z`;

/**
 * The seed report's plan replayed as the system would have recorded it: its findings in the letter's order, the
 * actions it reports under each area (the n-th area heading answers the n-th area for development) done on the
 * dates it gives; the undated ones still in progress, one of them rescheduled twice, and every other done one
 * verified, so that each status is in the paper.
 */
export function seedCommitteePlan(gold: SeedCommitteeGold): PlanScript {
  const script = new PlanScript(new Date('2011-11-16T09:00:00Z')).recordInspection('org-1', 'i-1', {
    authority: gold.authority,
    letterDate: '2011-11-16',
    inspectionDates: gold.inspectionDates,
  });
  gold.findings.forEach((finding, index) =>
    script.raiseFinding('i-1', `f-${index}`, finding.category as never, 'none', finding.text),
  );
  const areas = gold.findings.flatMap((finding, index) =>
    finding.category === 'area_for_development' ? [`f-${index}`] : [],
  );
  const headings = [...new Set(gold.actionsTaken.map((action) => action.area))];
  script.at('2011-11-20T09:00:00Z');
  gold.actionsTaken.forEach((action, index) => {
    const findingId = areas[headings.indexOf(action.area)];
    script
      .planAction(findingId, `a-${index}`, action.text)
      .assign(`a-${index}`, `owner-${index % 3}`, '2012-03-30');
  });
  const done = gold.actionsTaken
    .map((action, index) => ({ ...action, index }))
    .filter((action) => action.date !== null)
    .sort((a, b) => at(a.date!).localeCompare(at(b.date!)));
  done.forEach((action, n) => {
    script.at(at(action.date!)).complete(`a-${action.index}`);
    if (n % 2 === 0) script.verify(`a-${action.index}`);
  });
  const open = gold.actionsTaken.findIndex((action) => action.date === null);
  script.at('2012-02-20T09:00:00Z');
  script.actionCommand(`a-${open}`, {
    type: 'RescheduleAction',
    data: { dueDate: '2012-04-30', reason: 'The review board met late' },
  });
  script.at('2012-02-27T09:00:00Z');
  script.actionCommand(`a-${open}`, {
    type: 'RescheduleAction',
    data: { dueDate: '2012-05-31', reason: 'Police colleagues asked to join' },
  });
  return script;
}
