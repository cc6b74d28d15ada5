import { deciderSpecification } from '../testing/decider-specification';
import {
  actionId,
  asOwner,
  assigned,
  at,
  completed,
  metadata,
  openFinding,
  planned,
  policy,
  verified,
} from '../testing/fixtures';
import { createActionDecider, type ActionCommand, type FindingFacts } from './action.decider';

const spec = deciderSpecification(createActionDecider(policy));
const finding = openFinding;
const resolvedFinding: FindingFacts = { ...openFinding, status: 'resolved' };

function command<C extends ActionCommand>(
  type: C['type'],
  data: Omit<C['data'], 'actionId'>,
  facts = finding,
  as: { now: Date; actor: { userId: string; role: string; organisationId: string } } = metadata,
): ActionCommand {
  return { type, data: { actionId, ...data }, metadata: as, finding: facts } as ActionCommand;
}

describe('PlanAction', () => {
  it('plans an action for an open finding', () => {
    spec
      .given([])
      .when(command('PlanAction', { title: ' Audit contact records ' }))
      .then([planned]);
  });
  it('keeps the date of an action already taken', () => {
    spec
      .given([])
      .when(command('PlanAction', { title: 'Audit contact records', recordedOn: '2011-06-01' }))
      .then([{ ...planned, data: { ...planned.data, recordedOn: '2011-06-01' } } as typeof planned]);
  });
  it('refuses an action without a title', () => {
    spec
      .given([])
      .when(command('PlanAction', { title: ' ' }))
      .thenRefuses(/title is required/);
  });
  it('refuses an action on a resolved finding', () => {
    spec
      .given([])
      .when(command('PlanAction', { title: 'More work' }, resolvedFinding))
      .thenRefuses(/finding .* is resolved/);
  });
});

describe('AssignAction', () => {
  it('assigns an owner with the due date given', () => {
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1', dueDate: '2026-04-01' }))
      .then([
        {
          type: 'ActionAssigned',
          data: {
            actionId,
            ownerId: 'owner-1',
            dueDate: '2026-04-01',
            dueDateSource: 'given',
            assignedAt: at,
          },
        },
      ]);
  });
  it("defaults the due date from the finding's timescale through the policy", () => {
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1' }))
      .then([assigned]);
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1' }, { ...finding, timescale: 'immediately' }))
      .then([
        {
          type: 'ActionAssigned',
          data: {
            actionId,
            ownerId: 'owner-1',
            dueDate: '2026-03-08',
            dueDateSource: 'timescale_policy',
            assignedAt: at,
          },
        },
      ]);
  });
  it('requires a due date where the policy sets no default', () => {
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1' }, { ...finding, timescale: 'none' }))
      .thenRefuses(/due date is required/);
  });
  it('accepts a due date already past: the plan slipped, and the action is overdue at once', () => {
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1', dueDate: '2026-03-01' }))
      .then([
        {
          type: 'ActionAssigned',
          data: {
            actionId,
            ownerId: 'owner-1',
            dueDate: '2026-03-01',
            dueDateSource: 'given',
            assignedAt: at,
          },
        },
      ]);
  });
  it('refuses to assign an action that already has an owner', () => {
    spec
      .given([planned, assigned])
      .when(command('AssignAction', { ownerId: 'owner-2' }))
      .thenRefuses(/already assigned to owner-1; reassign/);
  });
  it('refuses to assign an action that does not exist', () => {
    spec
      .given([])
      .when(command('AssignAction', { ownerId: 'owner-1' }))
      .thenRefuses(/no such action/);
  });
});

describe('ReassignAction', () => {
  it('hands the action to a new owner, keeping its due date', () => {
    spec
      .given([planned, assigned])
      .when(command('ReassignAction', { ownerId: 'owner-2' }))
      .then([
        {
          type: 'ActionReassigned',
          data: {
            actionId,
            previousOwnerId: 'owner-1',
            ownerId: 'owner-2',
            dueDate: '2026-06-01',
            reassignedAt: at,
          },
        },
      ]);
  });
  it('refuses to reassign an unassigned action', () => {
    spec
      .given([planned])
      .when(command('ReassignAction', { ownerId: 'owner-2' }))
      .thenRefuses(/not been assigned/);
  });
  it('refuses to reassign to the same owner', () => {
    spec
      .given([planned, assigned])
      .when(command('ReassignAction', { ownerId: 'owner-1' }))
      .thenRefuses(/already assigned to owner-1/);
  });
});

describe('RescheduleAction', () => {
  it('moves the due date, with the reason', () => {
    spec
      .given([planned, assigned])
      .when(command('RescheduleAction', { dueDate: '2026-07-01', reason: 'Awaiting new staff' }))
      .then([
        {
          type: 'ActionRescheduled',
          data: {
            actionId,
            previousDueDate: '2026-06-01',
            dueDate: '2026-07-01',
            reason: 'Awaiting new staff',
            rescheduledAt: at,
          },
        },
      ]);
  });
  it('refuses to reschedule without a reason', () => {
    spec
      .given([planned, assigned])
      .when(command('RescheduleAction', { dueDate: '2026-07-01', reason: '  ' }))
      .thenRefuses(/reason for rescheduling is required/);
  });
  it('refuses to reschedule a completed action', () => {
    spec
      .given([planned, assigned, completed])
      .when(command('RescheduleAction', { dueDate: '2026-07-01', reason: 'Late' }))
      .thenRefuses(/has been completed; reopen it first/);
  });
  it('refuses to reschedule to the date it already has', () => {
    spec
      .given([planned, assigned])
      .when(command('RescheduleAction', { dueDate: '2026-06-01', reason: 'No change' }))
      .thenRefuses(/already due on 2026-06-01/);
  });
});

describe('RecordProgress', () => {
  it('records a note on an assigned action', () => {
    spec
      .given([planned, assigned])
      .when(command('RecordProgress', { note: 'Half the records audited' }))
      .then([
        { type: 'ProgressRecorded', data: { actionId, note: 'Half the records audited', recordedAt: at } },
      ]);
  });
  it('refuses progress on an unassigned action', () => {
    spec
      .given([planned])
      .when(command('RecordProgress', { note: 'x' }))
      .thenRefuses(/not been assigned/);
  });
  it('refuses an empty note', () => {
    spec
      .given([planned, assigned])
      .when(command('RecordProgress', { note: '' }))
      .thenRefuses(/progress note is required/);
  });
});

describe('CompleteAction', () => {
  it('completes an assigned action with its summary and evidence', () => {
    spec
      .given([planned, assigned])
      .when(
        command(
          'CompleteAction',
          { summary: 'Audited 40 records', evidence: ['audit.pdf', ' '] },
          finding,
          asOwner,
        ),
      )
      .then([{ ...completed, data: { ...completed.data, evidence: ['audit.pdf'] } } as typeof completed]);
  });
  it('records who completed it, for the four-eyes rule', () => {
    spec
      .given([planned, assigned])
      .when(command('CompleteAction', { summary: 'Audited 40 records' }))
      .then([{ ...completed, data: { ...completed.data, completedBy: 'lead-1' } } as typeof completed]);
  });
  it("refuses an owner's completion of an action assigned to someone else", () => {
    const otherOwner = { ...asOwner, actor: { ...asOwner.actor, userId: 'owner-2' } };
    spec
      .given([planned, assigned])
      .when(command('CompleteAction', { summary: 'Done' }, finding, otherOwner))
      .thenForbids(/only actions assigned to you/);
    spec
      .given([planned, assigned])
      .when(command('RecordProgress', { note: 'Half done' }, finding, otherOwner))
      .thenForbids(/record progress on only actions assigned to you/);
  });
  it('refuses to complete an unassigned action', () => {
    spec
      .given([planned])
      .when(command('CompleteAction', { summary: 'Done' }))
      .thenRefuses(/cannot be completed: it has not been assigned to anyone/);
  });
  it('refuses to complete an action twice', () => {
    spec
      .given([planned, assigned, completed])
      .when(command('CompleteAction', { summary: 'Done again' }))
      .thenRefuses(/has been completed/);
  });
});

describe('VerifyAction', () => {
  it('signs off a completed action', () => {
    spec.given([planned, assigned, completed]).when(command('VerifyAction', {})).then([verified]);
  });
  it('refuses a sign-off by whoever completed the action, even a lead (four eyes)', () => {
    const completedByLead = {
      ...completed,
      data: { ...completed.data, completedBy: 'lead-1' },
    } as typeof completed;
    spec
      .given([planned, assigned, completedByLead])
      .when(command('VerifyAction', {}))
      .thenForbids(/someone else must verify it/);
  });
  it('refuses to verify an action that is not completed', () => {
    spec
      .given([planned, assigned])
      .when(command('VerifyAction', {}))
      .thenRefuses(/cannot be verified: it has not been completed/);
  });
  it('refuses to verify twice', () => {
    spec
      .given([planned, assigned, completed, verified])
      .when(command('VerifyAction', {}))
      .thenRefuses(/already been verified/);
  });
});

describe('ReopenAction', () => {
  it('sends a completed action back to its owner, with the reason', () => {
    spec
      .given([planned, assigned, completed])
      .when(command('ReopenAction', { reason: 'Evidence missing' }))
      .then([{ type: 'ActionReopened', data: { actionId, reason: 'Evidence missing', reopenedAt: at } }]);
  });
  it('lets the owner complete it again once reopened', () => {
    spec
      .given([
        planned,
        assigned,
        completed,
        { type: 'ActionReopened', data: { actionId, reason: 'x', reopenedAt: at } },
      ])
      .when(command('CompleteAction', { summary: 'Audited 40 records' }, finding, asOwner))
      .then([completed]);
  });
  it('refuses to reopen without a reason', () => {
    spec
      .given([planned, assigned, completed])
      .when(command('ReopenAction', { reason: '' }))
      .thenRefuses(/reason for reopening is required/);
  });
  it('refuses to reopen an action that is not completed', () => {
    spec
      .given([planned, assigned])
      .when(command('ReopenAction', { reason: 'Why not' }))
      .thenRefuses(/cannot be reopened/);
  });
  it('refuses anything on an action whose finding is resolved', () => {
    spec
      .given([planned, assigned, completed, verified])
      .when(command('ReopenAction', { reason: 'Evidence missing' }, resolvedFinding))
      .thenRefuses(/finding .* is resolved/);
  });
});

describe('corrections', () => {
  const withdrawn = {
    type: 'ActionWithdrawn',
    data: { actionId, reason: 'Planned twice by mistake', withdrawnAt: at },
  } as const;
  it('withdraws an action with its reason, after which nothing more changes on it', () => {
    spec
      .given([planned, assigned])
      .when(command('WithdrawAction', { reason: 'Planned twice by mistake' }))
      .then([withdrawn]);
    spec
      .given([planned, assigned, withdrawn])
      .when(command('RecordProgress', { note: 'x' }))
      .thenRefuses(/withdrawn; nothing more can change/);
  });
  it('amends the title, recording before and after, and refuses an amendment that changes nothing', () => {
    spec
      .given([planned])
      .when(command('AmendAction', { title: 'Audit every contact record', reason: 'Clearer wording' }))
      .then([
        {
          type: 'ActionAmended',
          data: {
            actionId,
            changes: { title: 'Audit every contact record' },
            previous: { title: 'Audit contact records' },
            reason: 'Clearer wording',
            amendedAt: at,
          },
        },
      ]);
    spec
      .given([planned])
      .when(command('AmendAction', { title: 'Audit contact records', reason: 'x' }))
      .thenRefuses(/changes nothing/);
  });
  it('refuses to plan an action on a strength or a requirement met', () => {
    for (const category of ['strength', 'meets_requirements'] as const) {
      spec
        .given([])
        .when(command('PlanAction', { title: 'Keep it up' }, { ...finding, category }))
        .thenRefuses(/needs no action/);
    }
  });
  it('says to reopen a resolved finding before planning on it or reopening its actions', () => {
    spec
      .given([])
      .when(command('PlanAction', { title: 'One more' }, resolvedFinding))
      .thenRefuses(/reopen the finding first/);
    spec
      .given([planned, assigned, completed, verified])
      .when(command('ReopenAction', { reason: 'Evidence missing' }, resolvedFinding))
      .thenRefuses(/reopen the finding first/);
  });
  it("counts a default due date from the letter's date, so an old letter's action is born overdue", () => {
    spec
      .given([planned])
      .when(command('AssignAction', { ownerId: 'owner-1' }, { ...finding, countsFrom: '2010-01-20' }))
      .then([
        {
          type: 'ActionAssigned',
          data: {
            actionId,
            ownerId: 'owner-1',
            dueDate: '2010-04-20',
            dueDateSource: 'timescale_policy',
            assignedAt: at,
          },
        },
      ]);
  });
});

describe('AttachEvidence', () => {
  const report = {
    fileName: 'audit-report.pdf',
    mediaType: 'application/pdf',
    size: 48_213,
    sha256: 'a'.repeat(64),
  };
  const minutes = {
    fileName: 'minutes.docx',
    mediaType: 'application/msword',
    size: 9_100,
    sha256: 'b'.repeat(64),
  };
  const attachedBy = (file: typeof report, userId: string, note: string | null = null) =>
    ({
      type: 'EvidenceAttached',
      data: { actionId, ...file, note, attachedBy: userId, attachedAt: at },
    }) as const;

  it("attaches each file as its own event, by the action's owner, with the note", () => {
    spec
      .given([planned, assigned])
      .when(command('AttachEvidence', { files: [report, minutes], note: ' Board papers ' }, finding, asOwner))
      .then([attachedBy(report, 'owner-1', 'Board papers'), attachedBy(minutes, 'owner-1', 'Board papers')]);
  });
  it('lets a lead attach to any action of the organisation, even one not yet assigned or already completed', () => {
    spec
      .given([planned])
      .when(command('AttachEvidence', { files: [report] }))
      .then([attachedBy(report, 'lead-1')]);
    spec
      .given([planned, assigned, completed])
      .when(command('AttachEvidence', { files: [report] }))
      .then([attachedBy(report, 'lead-1')]);
  });
  it('refuses an owner attaching to an action assigned to someone else', () => {
    const otherOwner = { ...asOwner, actor: { ...asOwner.actor, userId: 'owner-2' } };
    spec
      .given([planned, assigned])
      .when(command('AttachEvidence', { files: [report] }, finding, otherOwner))
      .thenForbids(/attach evidence to only actions assigned to you/);
  });
  it('refuses a file already attached, and the same file twice in one request', () => {
    spec
      .given([planned, assigned, attachedBy(report, 'owner-1')])
      .when(command('AttachEvidence', { files: [{ ...report, fileName: 'copy.pdf' }] }))
      .thenRefuses(/"copy.pdf" is already attached to this action \(as "audit-report.pdf"\)/);
    spec
      .given([planned, assigned])
      .when(command('AttachEvidence', { files: [report, { ...report, fileName: 'again.pdf' }] }))
      .thenRefuses(/"again.pdf" is already attached/);
  });
  it('refuses evidence on a verified or withdrawn action', () => {
    spec
      .given([planned, assigned, completed, verified])
      .when(command('AttachEvidence', { files: [report] }))
      .thenRefuses(/verified; reopen it before attaching/);
    spec
      .given([planned, { type: 'ActionWithdrawn', data: { actionId, reason: 'x', withdrawnAt: at } }])
      .when(command('AttachEvidence', { files: [report] }))
      .thenRefuses(/withdrawn/);
  });

  describe('completing and verifying name the files they rely on', () => {
    const given = [planned, assigned, attachedBy(report, 'owner-1'), attachedBy(minutes, 'owner-1')];
    it('records the hashes a completion relies on, each once', () => {
      spec
        .given(given)
        .when(
          command(
            'CompleteAction',
            { summary: 'Audited 40 records', evidenceSha256: [report.sha256, report.sha256.toUpperCase()] },
            finding,
            asOwner,
          ),
        )
        .then([
          { ...completed, data: { ...completed.data, evidenceSha256: [report.sha256] } } as typeof completed,
        ]);
    });
    it('records the hashes the sign-off relies on', () => {
      spec
        .given([...given, completed])
        .when(command('VerifyAction', { evidenceSha256: [report.sha256, minutes.sha256] }))
        .then([
          {
            ...verified,
            data: { ...verified.data, evidenceSha256: [report.sha256, minutes.sha256] },
          } as typeof verified,
        ]);
    });
    it('refuses to rely on a file not attached to this action', () => {
      const missing = 'c'.repeat(64);
      spec
        .given(given)
        .when(command('CompleteAction', { summary: 'Done', evidenceSha256: [missing] }, finding, asOwner))
        .thenRefuses(new RegExp(`evidence ${missing} is not attached to this action`));
      spec
        .given([...given, completed])
        .when(command('VerifyAction', { evidenceSha256: [missing] }))
        .thenRefuses(/not attached to this action/);
    });
    it('keeps the evidence through a reopening, and records a completion without files as before', () => {
      const reopened = { type: 'ActionReopened', data: { actionId, reason: 'x', reopenedAt: at } } as const;
      spec
        .given([...given, completed, reopened])
        .when(
          command(
            'CompleteAction',
            { summary: 'Audited 40 records', evidenceSha256: [minutes.sha256] },
            finding,
            asOwner,
          ),
        )
        .then([
          { ...completed, data: { ...completed.data, evidenceSha256: [minutes.sha256] } } as typeof completed,
        ]);
      spec
        .given(given)
        .when(command('CompleteAction', { summary: 'Audited 40 records' }, finding, asOwner))
        .then([completed]);
    });
  });
});
