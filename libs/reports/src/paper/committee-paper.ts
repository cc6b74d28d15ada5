import type { CommitteeReport, ReportAction, ReportFinding } from '../model/committee-report';
import { describeEvidenceFile } from '../model/evidence-summary';
import { longDate } from '../model/report-dates';
import type { Paper, PaperBlock, PaperSection } from './paper';
import {
  CATEGORY_WORDS,
  counted,
  INSPECTION_TYPE_WORDS,
  JUDGEMENT_WORDS,
  RAG_WORDS,
  STATUS_WORDS,
  times,
} from './report-wording';

export interface PaperOptions {
  committee?: string;
  byline?: string;
}

const DEFAULT_COMMITTEE = "Children's Services Scrutiny Committee";
const DEFAULT_BYLINE = "Report of the Director of Children's Services";
/** A longer area heading reads as narrative, to a reader and to the letter parser alike. */
const AREA_HEADING_WORDS = 20;

/** The wording and order of the paper, shared by every format, after the seed committee report's sections. */
export function committeePaper(report: CommitteeReport, options: PaperOptions = {}): Paper {
  const { inspection } = report;
  const kind = INSPECTION_TYPE_WORDS[inspection.inspectionType];
  const visit = visitDates(inspection.inspectionDates);
  const sections: PaperSection[] = [
    whyThisReport(report, kind, visit),
    background(report, kind, visit),
    currentPosition(report),
    findingsSection(report),
    addressing(report),
    actionDetail(report),
    followUps(report),
    nextSteps(report),
  ];
  const numbered = sections
    .filter((section) => section.blocks.length > 0)
    .map((section, index) => renumber(section, String(index + 1)));
  const conclusion = String(numbered.length + 1);
  numbered.push({
    number: conclusion,
    heading: 'Conclusion',
    blocks: [
      {
        kind: 'paragraph',
        number: `${conclusion}.1`,
        text:
          `The ${options.committee ?? DEFAULT_COMMITTEE} is asked to note the progress set out in this report and ` +
          'to agree to receive a further report on the actions that remain open.',
      },
    ],
  });
  return {
    committee: options.committee ?? DEFAULT_COMMITTEE,
    title: `Outcomes of the ${kind} in ${inspection.authority}: the improvement plan`,
    byline: options.byline ?? DEFAULT_BYLINE,
    meta: [
      `Position as at ${longDate(report.asOf)}`,
      report.since
        ? `Covering the period from ${longDate(report.since)}`
        : 'Covering the period from the inspection',
    ],
    sections: numbered,
    foot: footOf(report),
    subject: `${inspection.authority}: ${kind}, ${visit}`,
  };
}

function visitDates(dates: readonly string[]): string {
  if (dates.length === 0) return 'dates not recorded';
  if (dates.length === 1) return longDate(dates[0]);
  const [first, last] = [dates[0], dates[dates.length - 1]];
  if (dates.length === 2 && first.slice(0, 7) === last.slice(0, 7)) {
    return `${Number(first.slice(8))} and ${longDate(last)}`;
  }
  return `${longDate(dates[0])} to ${longDate(dates[dates.length - 1])}`;
}

/** Paragraph and subheading numbers are written `§.n`; the section's place is known only once empty ones go. */
function renumber(section: PaperSection, number: string): PaperSection {
  const fix = (text: string) => text.replace(/^§/, number);
  return {
    number,
    heading: section.heading,
    blocks: section.blocks.map((block) =>
      block.kind === 'paragraph' && block.number
        ? { ...block, number: fix(block.number) }
        : block.kind === 'subheading'
          ? { ...block, number: fix(block.number) }
          : block,
    ),
  };
}

function whyThisReport(report: CommitteeReport, kind: string, visit: string): PaperSection {
  const { authority } = report.inspection;
  const period = report.since ? `since ${longDate(report.since)}` : 'since the inspection';
  return {
    number: '§',
    heading: 'Why has this report come to the Committee?',
    blocks: [
      {
        kind: 'paragraph',
        number: '§.1',
        text:
          `This report is presented to the Committee to update it on the action plan that answers the ${kind} ` +
          `in ${authority}, which took place on ${visit}: the position as at ${longDate(report.asOf)}, and what ` +
          `has been done ${period}.`,
      },
    ],
  };
}

function background(report: CommitteeReport, kind: string, visit: string): PaperSection {
  const { inspection, findingsByCategory } = report;
  const facts = [
    `The ${kind} in ${inspection.authority} took place on ${visit}.`,
    inspection.letterDate
      ? `Ofsted's letter setting out its findings is dated ${longDate(inspection.letterDate)}.`
      : '',
    inspection.inspector ? `The lead inspector was ${inspection.inspector}.` : '',
    inspection.overallJudgement
      ? `The overall judgement was ${JUDGEMENT_WORDS[inspection.overallJudgement]}.`
      : 'No overall grade was awarded.',
  ].filter(Boolean);
  const rows = (Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]).map((category) => [
    capitalise(CATEGORY_WORDS[category].many),
    String(findingsByCategory[category]),
  ]);
  return {
    number: '§',
    heading: 'Background – the inspection',
    blocks: [
      { kind: 'paragraph', number: '§.1', text: facts.join(' ') },
      { kind: 'table', caption: 'The findings of the inspection', head: ['Finding', 'Number'], rows },
    ],
  };
}

function currentPosition(report: CommitteeReport): PaperSection {
  const { counts, rag } = report;
  const blocks: PaperBlock[] = [];
  let n = 0;
  const para = (text: string) => blocks.push({ kind: 'paragraph', number: `§.${++n}`, text });
  if (report.strengths.length) {
    para('The inspectors recognised the following strengths:');
    blocks.push({ kind: 'list', items: report.strengths });
  }
  if (report.requirementsMet.length) {
    para(
      'The inspection also identified the following services which met the requirements of statutory guidance:',
    );
    blocks.push({ kind: 'list', items: report.requirementsMet });
  }
  para(
    `As at ${longDate(report.asOf)} the plan holds ${counted(counts.actions, 'action', 'actions')}. ` +
      `${capitalise(counted(counts.verified, 'action has', 'actions have'))} been completed and verified by the ` +
      `lead; ${counted(counts.completedNotVerified, 'action has', 'actions have')} been completed by ${
        counts.completedNotVerified === 1 ? 'its owner' : 'their owners'
      } and ${counts.completedNotVerified === 1 ? 'awaits' : 'await'} verification, and ${
        counts.completedNotVerified === 1 ? 'is' : 'are'
      } not counted as verified. ${capitalise(counted(counts.byStatus.assigned, 'action is', 'actions are'))} in ` +
      `progress${counts.byStatus.planned ? ` and ${counted(counts.byStatus.planned, 'is', 'are')} not yet assigned` : ''}.` +
      (counts.byStatus.withdrawn
        ? ` ${capitalise(counted(counts.byStatus.withdrawn, 'action was', 'actions were'))} withdrawn and ${counts.byStatus.withdrawn === 1 ? 'does' : 'do'} not count.`
        : ''),
  );
  para(
    `${capitalise(counted(counts.overdue, 'action is', 'actions are'))} overdue against ${
      counts.overdue === 1 ? 'its' : 'their'
    } current due date, and ${counted(counts.overdueAgainstOriginal, 'action', 'actions')} against the date first ` +
      `set; ${counted(counts.moved, 'action has', 'actions have')} had ${counts.moved === 1 ? 'its' : 'their'} due ` +
      'date moved.',
  );
  const period = report.since ? `Since ${longDate(report.since)}` : 'Since the inspection';
  para(
    `${period}, ${counted(counts.since.planned, 'action has', 'actions have')} been planned, ` +
      `${counted(counts.since.completed, 'has', 'have')} been completed and ${counted(counts.since.verified, 'has', 'have')} ` +
      `been verified; ${counts.since.moves === 0 ? 'no due date moved' : `due dates moved ${times(counts.since.moves)}`}.`,
  );
  blocks.push({
    kind: 'rag',
    status: rag.status,
    text: `The plan's status is ${RAG_WORDS[rag.status]}: ${RAG_REASONS[rag.status]}`,
  });
  para(`The rule. Red: ${rag.rule.red} Amber: ${rag.rule.amber} Green: otherwise.`);
  para(deadlineSentence(report));
  return { number: '§', heading: 'Current position', blocks };
}

const RAG_REASONS = {
  red: 'at least one priority action is overdue.',
  amber:
    'an action is overdue, or an open action is due within 14 days and has had no progress in the last 30 days.',
  green: 'no action is overdue, and no open action due within 14 days has gone 30 days without progress.',
} as const;

function deadlineSentence({ deadline }: CommitteeReport): string {
  if (deadline.date === null) return 'The plan deadline cannot be set until the letter date is recorded.';
  const basis =
    deadline.workingDays === null
      ? 'the date the letter set'
      : `${deadline.workingDays} working days from the letter of ${longDate(deadline.from!)}` +
        (deadline.source === 'letter'
          ? ', as the letter set'
          : ', the rule where there are ' +
            (deadline.workingDays === deadline.rule.workingDaysWithPriorityActions
              ? 'areas for priority action'
              : 'no areas for priority action'));
  const outcome =
    deadline.met === true
      ? 'It was met: every finding had an action with an owner and a due date by then.'
      : deadline.met === false
        ? 'It was not met: at least one finding had no action with an owner and a due date by then.'
        : 'It has not yet been reached.';
  return `The action plan was due by ${longDate(deadline.date)} (${basis}). ${outcome}`;
}

const FINDING_LEAD_INS: Record<string, string> = {
  priority_action: 'The following areas were identified for priority action:',
  area_for_development: 'The following areas were identified for development:',
  recommendation: 'The inspectors made the following recommendations:',
};

function findingsSection(report: CommitteeReport): PaperSection {
  const blocks: PaperBlock[] = [];
  let n = 0;
  for (const [category, leadIn] of Object.entries(FINDING_LEAD_INS)) {
    const own = report.findings.filter((finding) => finding.category === category);
    if (!own.length) continue;
    blocks.push({ kind: 'paragraph', number: `§.${++n}`, text: leadIn });
    blocks.push({ kind: 'list', items: own.map((finding) => finding.text) });
  }
  const headings = report.findings.filter((f) => f.category in FINDING_LEAD_INS).map((f) => f.category);
  const heading =
    headings.length && headings.every((c) => c === 'area_for_development')
      ? 'Areas for development'
      : 'Areas for priority action, for development and recommendations';
  return { number: '§', heading, blocks };
}

export function areaHeading(finding: ReportFinding): string {
  const sentence = finding.text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0].replace(/[.:;]+$/, '');
  const words = sentence.split(/\s+/);
  return words.length <= AREA_HEADING_WORDS ? sentence : `${words.slice(0, AREA_HEADING_WORDS).join(' ')} …`;
}

/** The date an action was taken, as the paper gives it: when it was done, else when it is due. */
export function actionTakenLine(action: ReportAction): string {
  const title = action.title.replace(/[.;:]+$/, '');
  const done = action.recordedOn ?? action.completedOn;
  switch (action.status) {
    case 'verified':
      return `${title} – completed ${longDate(done!)} and verified`;
    case 'completed':
      return `${title} – completed ${longDate(done!)}, awaiting verification`;
    case 'assigned':
      return `${title} – ${action.overdue ? 'overdue' : 'in progress'}, due ${longDate(action.dueDate!)}`;
    default:
      return `${title} – planned, not yet assigned`;
  }
}

function addressing(report: CommitteeReport): PaperSection {
  const blocks: PaperBlock[] = [];
  let n = 0;
  for (const finding of report.findings) {
    const actions = finding.actions.filter((action) => action.status !== 'withdrawn');
    blocks.push({ kind: 'subheading', number: `§.${++n}`, text: areaHeading(finding) });
    if (!actions.length) {
      blocks.push({ kind: 'paragraph', text: 'No action has been planned yet.' });
      continue;
    }
    blocks.push({ kind: 'label', text: 'Action taken:' });
    blocks.push({ kind: 'list', items: actions.map(actionTakenLine) });
  }
  return { number: '§', heading: 'How we are addressing the areas for development', blocks };
}

function actionDetail(report: CommitteeReport): PaperSection {
  const since = report.since ? `Since ${longDate(report.since)}` : 'Since the inspection';
  const blocks: PaperBlock[] = report.findings
    .filter((finding) => finding.actions.length > 0)
    .map((finding, index) => ({
      kind: 'table' as const,
      caption: `${index + 1}. ${areaHeading(finding)}`,
      head: ['Action', 'Owner', 'Status and dates', 'Evidence', since],
      widths: [28, 14, 22, 14, 22],
      rows: finding.actions.map((action) => [
        action.description ? `${action.title}\n${action.description}` : action.title,
        action.owner ? `${action.owner.name}\n${action.owner.roles.join(', ')}` : 'Not assigned',
        datesCell(action).join('\n'),
        [action.completionSummary, ...action.evidence, ...action.evidenceFiles.map(describeEvidenceFile)]
          .filter(Boolean)
          .join('\n') || '—',
        action.since.map((item) => `${longDate(item.on)}: ${item.what}`).join('\n') || 'Nothing recorded',
      ]),
    }));
  if (blocks.length) {
    blocks.unshift({
      kind: 'paragraph',
      number: '§.1',
      text: 'Each action is set out below with its owner, its dates and the evidence given for it, as the log records them.',
    });
  }
  return { number: '§', heading: 'The actions in detail', blocks };
}

function datesCell(action: ReportAction): string[] {
  const lines = [`Status: ${STATUS_WORDS[action.status]}${action.overdue ? ', overdue' : ''}`];
  if (action.withdrawnReason) lines.push(`Withdrawn: ${action.withdrawnReason}`);
  if (action.originalDueDate) {
    lines.push(`${action.moves.length ? 'First due' : 'Due'}: ${longDate(action.originalDueDate)}`);
  }
  if (action.dueDate && action.moves.length) {
    lines.push(`Now due: ${longDate(action.dueDate)}, moved ${times(action.moves.length)}`);
    for (const move of action.moves) {
      lines.push(
        `${longDate(move.on)}: ${longDate(move.from)} to ${longDate(move.to)}${move.reason ? ` – “${move.reason}”` : ''}`,
      );
    }
  }
  if (action.overdueAgainstOriginal && !action.overdue) lines.push('Overdue against the date first set');
  if (action.completedOn) lines.push(`Completed: ${longDate(action.recordedOn ?? action.completedOn)}`);
  if (action.verifiedOn) lines.push(`Verified: ${longDate(action.verifiedOn)}`);
  return lines;
}

function followUps(report: CommitteeReport): PaperSection {
  if (!report.followUps.length) return { number: '§', heading: 'Follow-up inspections', blocks: [] };
  return {
    number: '§',
    heading: 'Follow-up inspections',
    blocks: [
      {
        kind: 'paragraph',
        number: '§.1',
        text: `${capitalise(counted(report.followUps.length, 'follow-up inspection is', 'follow-up inspections are'))} expected. Readiness is the share of the findings it will look at whose actions are all verified.`,
      },
      {
        kind: 'table',
        caption: 'Follow-up inspections and their readiness',
        head: ['Expected', 'Findings it will look at', 'Ready', 'Readiness'],
        rows: report.followUps.map((followUp) => [
          longDate(followUp.expectedDate),
          String(followUp.findingsLookedAt),
          String(followUp.findingsReady),
          followUp.readiness === null ? '—' : `${Math.round(followUp.readiness * 100)}%`,
        ]),
      },
    ],
  };
}

function nextSteps(report: CommitteeReport): PaperSection {
  const actions = report.findings.flatMap((finding) => finding.actions);
  const overdue = actions.filter((action) => action.overdue);
  const awaiting = actions.filter((action) => action.status === 'completed');
  const blocks: PaperBlock[] = [];
  let n = 0;
  if (overdue.length) {
    blocks.push({
      kind: 'paragraph',
      number: `§.${++n}`,
      text: 'These actions are overdue and their owners will report on them:',
    });
    blocks.push({
      kind: 'list',
      items: overdue.map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}), due ${longDate(a.dueDate!)}`),
    });
  }
  if (awaiting.length) {
    blocks.push({
      kind: 'paragraph',
      number: `§.${++n}`,
      text: 'These actions are completed and await verification by the lead:',
    });
    blocks.push({ kind: 'list', items: awaiting.map((a) => a.title) });
  }
  if (!blocks.length) {
    blocks.push({
      kind: 'paragraph',
      number: '§.1',
      text: 'No action is overdue and none awaits verification.',
    });
  }
  return { number: '§', heading: 'Next steps', blocks };
}

function footOf(report: CommitteeReport): string[] {
  const written = `Written by ActionLedger from the event log as at ${longDate(report.asOf)}.`;
  if (!report.auditHead) return [written];
  const { digest, position } = report.auditHead;
  return [
    written,
    `Audit head (log position ${position}): ${digest}`,
    `To check later that the log still holds what this paper reports: npx actionledger audit verify --head ${digest}`,
  ];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
