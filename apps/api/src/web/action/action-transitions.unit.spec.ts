import type { ActionState } from '@actionledger/domain';
import { availableTransitions, commandFromForm, dateFromParts } from './action-transitions';

type Existing = Exclude<ActionState, { status: 'none' }>;

const action = (change: Partial<Existing>): Existing => ({
  status: 'assigned',
  actionId: 'a1',
  findingId: 'f1',
  organisationId: 'o1',
  title: 'Audit',
  description: null,
  recordedOn: null,
  ownerId: 'owner-1',
  dueDate: '2027-01-31',
  progressNotes: 0,
  completion: null,
  verifiedAt: null,
  withdrawal: null,
  verifiedEvidenceSha256: [],
  evidenceFiles: [],
  remindersRecorded: [],
  ...change,
});

describe('the forms an action page offers', () => {
  it.each([
    ['planned', 'lead', 'lead-1', {}, ['assign']],
    ['assigned', 'lead', 'lead-1', {}, ['progress', 'complete', 'reschedule', 'reassign']],
    ['assigned', 'owner', 'owner-1', {}, ['progress', 'complete']],
    ['assigned', 'owner', 'owner-2', {}, []],
    ['completed', 'owner', 'owner-1', {}, []],
    ['completed', 'lead', 'lead-1', { completedBy: 'owner-1' }, ['verify', 'reopen']],
    ['completed', 'lead', 'lead-1', { completedBy: 'lead-1' }, ['reopen']],
    ['verified', 'lead', 'lead-1', {}, ['reopen']],
    ['withdrawn', 'lead', 'lead-1', {}, []],
    ['assigned', 'board', 'board-1', {}, []],
  ] as const)('%s, to a %s (%s): %j', (status, role, userId, completion, expected) => {
    const completed =
      'completedBy' in completion
        ? { summary: 's', evidence: [], evidenceSha256: [], completedAt: 'x', ...completion }
        : null;
    expect(availableTransitions(action({ status, completion: completed }), { userId, role })).toEqual(
      expected,
    );
  });
});

describe('a form as a command', () => {
  it('joins a GOV.UK date input into YYYY-MM-DD, and leaves an empty one out', () => {
    expect(
      dateFromParts({ 'dueDate-day': '3', 'dueDate-month': '1', 'dueDate-year': '2027' }, 'dueDate'),
    ).toBe('2027-01-03');
    expect(
      dateFromParts({ 'dueDate-day': '', 'dueDate-month': ' ', 'dueDate-year': '' }, 'dueDate'),
    ).toBeUndefined();
  });

  it('refuses a day that does not exist, and a missing reason, naming the fields in their form', () => {
    const result = commandFromForm('reschedule', {
      'dueDate-day': '29',
      'dueDate-month': '2',
      'dueDate-year': '2027',
      reason: '  ',
    });
    expect(result).toEqual({
      errors: [
        {
          field: 'reschedule-dueDate',
          text: 'Enter the new due date as a real date',
          href: 'reschedule-dueDate-day',
        },
        { field: 'reschedule-reason', text: 'Enter why the due date is moving' },
      ],
    });
  });

  it('reads evidence one item a line, and asks the domain for what the JSON route would', () => {
    expect(commandFromForm('complete', { summary: 'Done', evidence: 'a.pdf\r\n\r\n b.xlsx ' })).toEqual({
      input: { type: 'CompleteAction', data: { summary: 'Done', evidence: ['a.pdf', 'b.xlsx'] } },
    });
    expect(commandFromForm('assign', { ownerId: 'u1' })).toEqual({
      input: { type: 'AssignAction', data: { ownerId: 'u1' } },
    });
  });
});
