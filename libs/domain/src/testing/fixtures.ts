import type { ActionEvent } from '../action/action.events';
import type { FindingFacts } from '../action/action.decider';
import type { DueDatePolicy } from '../policies/due-date.policy';

/** Plain values shared by the domain specifications. */
export const now = new Date('2026-03-02T09:30:00.000Z');
export const at = now.toISOString();
export const organisationId = 'org-durham';
/** The lead who plans and signs off, and the owner who does the work, of one organisation. */
export const lead = { userId: 'lead-1', role: 'lead', organisationId };
export const owner = { userId: 'owner-1', role: 'owner', organisationId };
export const metadata = { now, actor: lead };
export const asOwner = { now, actor: owner };

export const policy: DueDatePolicy = {
  immediately: { days: 7 },
  within_3_months: { months: 3 },
  within_6_months: { months: 6 },
  none: null,
};

export const openFinding: FindingFacts = {
  findingId: 'finding-1',
  organisationId,
  status: 'open',
  category: 'priority_action',
  timescale: 'within_3_months',
  countsFrom: '2026-03-01',
};

export const actionId = 'action-1';

export const planned: ActionEvent = {
  type: 'ActionPlanned',
  data: {
    actionId,
    findingId: 'finding-1',
    organisationId,
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
  data: { actionId, summary: 'Audited 40 records', evidence: [], completedBy: 'owner-1', completedAt: at },
};
export const verified: ActionEvent = {
  type: 'ActionVerified',
  data: { actionId, note: null, verifiedAt: at },
};
