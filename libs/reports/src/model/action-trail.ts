import type { CalendarDate } from '@actionledger/domain';
import type { ReportEvidenceFile } from './evidence-summary';
import type { ActionDoc } from '@actionledger/projections';
import type { ActionHappening, DueDateMove, Person } from './committee-report';
import { longDate } from './report-dates';
import type { ReportEvent } from './report-event';

/** What the report tells of an action beyond its plan document, gathered as its events go by. */
export interface ActionTrail {
  description: string | null;
  recordedOn: string | null;
  moves: DueDateMove[];
  firstAssignedOn: CalendarDate | null;
  completionSummary: string | null;
  evidence: string[];
  evidenceFiles: ReportEvidenceFile[];
  withdrawnReason: string | null;
  since: ActionHappening[];
}

/** A due date that moved with this event, as the plan's `timesMoved` counts one. */
export function actionMove(
  event: ReportEvent,
  before: ActionDoc | null,
  on: CalendarDate,
): DueDateMove | null {
  if (event.type === 'ActionRescheduled') {
    const { previousDueDate, dueDate, reason } = event.data as {
      previousDueDate: string;
      dueDate: string;
      reason: string;
    };
    return { on, from: previousDueDate, to: dueDate, reason, by: 'rescheduled' };
  }
  if (event.type === 'ActionReassigned' && before?.dueDate && event.data.dueDate !== before.dueDate) {
    return {
      on,
      from: before.dueDate,
      to: event.data.dueDate as string,
      reason: event.reason ?? null,
      by: 'reassigned',
    };
  }
  return null;
}

const quoted = (text: unknown) => (typeof text === 'string' && text !== '' ? `: “${text}”` : '');

/** One line of an action's story, in the words of a committee paper. */
export function describeActionEvent(event: ReportEvent, person: (userId: string) => Person): string {
  const data = event.data;
  switch (event.type) {
    case 'ActionPlanned':
      return 'Planned';
    case 'ActionAssigned':
      return `Assigned to ${person(data.ownerId as string).name}, due ${longDate(data.dueDate as string)}`;
    case 'ActionReassigned':
      return `Reassigned to ${person(data.ownerId as string).name}, due ${longDate(data.dueDate as string)}`;
    case 'ActionRescheduled':
      return `Due date moved from ${longDate(data.previousDueDate as string)} to ${longDate(data.dueDate as string)}${quoted(data.reason)}`;
    case 'ProgressRecorded':
      return `Progress${quoted(data.note)}`;
    case 'ActionCompleted':
      return `Completed${quoted(data.summary)}`;
    case 'ActionVerified':
      return `Verified${quoted(data.note)}`;
    case 'ActionReopened':
      return `Reopened${quoted(data.reason)}`;
    case 'ActionWithdrawn':
      return `Withdrawn${quoted(data.reason)}`;
    case 'ActionAmended':
      return `Amended${quoted(data.reason)}`;
    case 'EvidenceAttached':
      return `Evidence attached: ${data.fileName as string}`;
    default:
      return event.type;
  }
}
