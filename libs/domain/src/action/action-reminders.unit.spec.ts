import { deciderSpecification } from '../testing/decider-specification';
import {
  actionId,
  assigned,
  at,
  completed,
  now,
  openFinding,
  organisationId,
  planned,
  policy,
} from '../testing/fixtures';
import { createActionDecider, type ActionCommand, type RecordReminder } from './action.decider';
import type { ActionEvent } from './action.events';

const spec = deciderSpecification(createActionDecider(policy));
const system = { now, actor: { userId: 'system:reminders', role: 'system', organisationId } };
const dueDate = assigned.type === 'ActionAssigned' ? assigned.data.dueDate : '';

function fired(
  kind: RecordReminder['data']['kind'],
  outcome: RecordReminder['data']['outcome'],
  overrides: Partial<RecordReminder['data']> = {},
): ActionCommand {
  return {
    type: 'RecordReminder',
    data: {
      actionId,
      kind,
      dueDate,
      jobId: `${kind}.${actionId}.${dueDate}`,
      daysOverdue: 0,
      outcome,
      ...overrides,
    },
    metadata: system,
    finding: openFinding,
  };
}
const delivered = { delivered: true as const, notified: ['owner-1'], messageId: '<m1@actionledger>' };
const undeliverable = { delivered: false as const, reason: '550 mailbox unavailable', attempts: 5 };

const sentDueSoon: ActionEvent = {
  type: 'ReminderSent',
  data: {
    actionId,
    kind: 'due_soon',
    dueDate,
    jobId: `due_soon.${actionId}.${dueDate}`,
    notified: ['owner-1'],
    messageId: '<m1@actionledger>',
    sentAt: at,
  },
};

describe('RecordReminder', () => {
  it('records a reminder sent to the owner before the due date', () => {
    spec.given([planned, assigned]).when(fired('due_soon', delivered)).then([sentDueSoon]);
  });

  it('records the same timer only once', () => {
    spec
      .given([planned, assigned, sentDueSoon])
      .when(fired('due_soon', delivered))
      .thenRefuses(/already recorded/);
  });

  it('records that the action fell overdue, with whom it told', () => {
    spec
      .given([planned, assigned])
      .when(fired('overdue', { ...delivered, notified: ['owner-1', 'lead-1'] }))
      .then([
        {
          type: 'ActionFellOverdue',
          data: {
            actionId,
            dueDate,
            jobId: `overdue.${actionId}.${dueDate}`,
            notified: ['owner-1', 'lead-1'],
            messageId: '<m1@actionledger>',
            fellOverdueAt: at,
          },
        },
      ]);
  });

  it('records an escalation with the days overdue', () => {
    spec
      .given([planned, assigned])
      .when(fired('escalation', { ...delivered, notified: ['lead-1', 'board-1'] }, { daysOverdue: 14 }))
      .then([
        {
          type: 'ActionEscalated',
          data: {
            actionId,
            dueDate,
            daysOverdue: 14,
            jobId: `escalation.${actionId}.${dueDate}`,
            notified: ['lead-1', 'board-1'],
            messageId: '<m1@actionledger>',
            escalatedAt: at,
          },
        },
      ]);
  });

  it('records a reminder that could not be delivered, with the reason', () => {
    spec
      .given([planned, assigned])
      .when(fired('due', undeliverable))
      .then([
        {
          type: 'ReminderFailed',
          data: {
            actionId,
            kind: 'due',
            dueDate,
            jobId: `due.${actionId}.${dueDate}`,
            reason: '550 mailbox unavailable',
            attempts: 5,
            failedAt: at,
          },
        },
      ]);
  });

  it('still records that the action fell overdue when the message could not go out', () => {
    spec
      .given([planned, assigned])
      .when(fired('overdue', undeliverable))
      .then([
        {
          type: 'ActionFellOverdue',
          data: {
            actionId,
            dueDate,
            jobId: `overdue.${actionId}.${dueDate}`,
            notified: [],
            messageId: null,
            fellOverdueAt: at,
          },
        },
        {
          type: 'ReminderFailed',
          data: {
            actionId,
            kind: 'overdue',
            dueDate,
            jobId: `overdue.${actionId}.${dueDate}`,
            reason: '550 mailbox unavailable',
            attempts: 5,
            failedAt: at,
          },
        },
      ]);
  });

  it('drops a reminder for an action completed meanwhile', () => {
    spec
      .given([planned, assigned, completed])
      .when(fired('due', delivered))
      .thenRefuses(/completed: it needs no reminder/);
  });

  it('drops a reminder set for a due date the action no longer has', () => {
    spec
      .given([planned, assigned])
      .when(fired('due', delivered, { dueDate: '2026-05-01', jobId: `due.${actionId}.2026-05-01` }))
      .thenRefuses(/now due on 2026-06-01, not 2026-05-01/);
  });

  it('needs no reminder for an action nobody owns yet', () => {
    spec
      .given([planned])
      .when(fired('due', delivered))
      .thenRefuses(/planned: it needs no reminder/);
  });
});
