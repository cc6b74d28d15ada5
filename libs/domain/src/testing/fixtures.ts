import type { ActionEvent } from '../action/action.events';
import type { FindingFacts } from '../action/action.decider';
import type { DueDatePolicy } from '../policies/due-date.policy';

/** Plain values shared by the domain specifications. */
export const now = new Date('2026-03-02T09:30:00.000Z');
export const at = now.toISOString();
export const metadata = { now };

export const policy: DueDatePolicy = {
  immediately: { days: 7 },
  within_3_months: { months: 3 },
  within_6_months: { months: 6 },
  none: null,
};

export const openFinding: FindingFacts = {
  findingId: 'finding-1',
  status: 'open',
  timescale: 'within_3_months',
  raisedAt: '2026-03-01T10:00:00.000Z',
};

export const actionId = 'action-1';

export const planned: ActionEvent = {
  type: 'ActionPlanned',
  data: {
    actionId,
    findingId: 'finding-1',
    title: 'Audit contact records',
    description: null,
    recordedOn: null,
    plannedAt: at,
  },
};
export const assigned: ActionEvent = {
  type: 'ActionAssigned',
  data: {
    actionId,
    ownerId: 'owner-1',
    dueDate: '2026-06-01',
    dueDateSource: 'timescale_policy',
    assignedAt: at,
  },
};
export const completed: ActionEvent = {
  type: 'ActionCompleted',
  data: { actionId, summary: 'Audited 40 records', evidence: [], completedAt: at },
};
export const verified: ActionEvent = {
  type: 'ActionVerified',
  data: { actionId, note: null, verifiedAt: at },
};
