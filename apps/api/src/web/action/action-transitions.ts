import type { Role } from '@actionledger/command-handling';
import type { ActionState } from '@actionledger/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AssignActionRequest,
  CompleteActionRequest,
  RecordProgressRequest,
  ReopenActionRequest,
  RescheduleActionRequest,
  VerifyActionRequest,
} from '../../actions/action.requests';
import type { ActionCommandInput } from '../../actions/execute-action.command';
import type { FieldError } from '../sign-in/sign-in.view-model';

export const TRANSITIONS = [
  'assign',
  'reassign',
  'reschedule',
  'progress',
  'complete',
  'verify',
  'reopen',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

type ExistingAction = Exclude<ActionState, { status: 'none' }>;

/**
 * The forms an action page offers: the transitions the action's state allows to the role the user acts in.
 * The domain decides again when the form comes back; this only keeps the page from offering what it would refuse.
 */
export function availableTransitions(
  action: ExistingAction,
  actor: { userId: string; role: Role },
): Transition[] {
  const ownAction = action.ownerId === actor.userId;
  if (actor.role === 'owner')
    return action.status === 'assigned' && ownAction ? ['progress', 'complete'] : [];
  if (actor.role !== 'lead') return [];
  switch (action.status) {
    case 'planned':
      return ['assign'];
    case 'assigned':
      return ['progress', 'complete', 'reschedule', 'reassign'];
    case 'completed':
      // Four eyes: whoever completed it cannot also verify it.
      return action.completion?.completedBy === actor.userId ? ['reopen'] : ['verify', 'reopen'];
    case 'verified':
      return ['reopen'];
    default:
      return [];
  }
}

type Body = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The three boxes of a GOV.UK date input as YYYY-MM-DD; undefined when all three are empty. */
export function dateFromParts(body: Body, field: string): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(body[`${field}-${part}`]));
  if (day === '' && month === '' && year === '') return undefined;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const lines = (value: unknown) =>
  text(value)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

interface TransitionSpec {
  command: ActionCommandInput['type'];
  request: new () => object;
  data: (body: Body) => Record<string, unknown>;
  /** What to tell a person who got a field wrong, in GOV.UK's words. */
  messages: Record<string, string>;
}

const ownerAndDate = (body: Body) => ({
  ownerId: text(body.ownerId),
  ...(dateFromParts(body, 'dueDate') !== undefined && { dueDate: dateFromParts(body, 'dueDate') }),
});
const OWNER_MESSAGES = {
  ownerId: 'Select who will own this action',
  dueDate: 'Due date must be a real date',
};

const SPECS: Record<Transition, TransitionSpec> = {
  assign: {
    command: 'AssignAction',
    request: AssignActionRequest,
    data: ownerAndDate,
    messages: OWNER_MESSAGES,
  },
  reassign: {
    command: 'ReassignAction',
    request: AssignActionRequest,
    data: ownerAndDate,
    messages: OWNER_MESSAGES,
  },
  reschedule: {
    command: 'RescheduleAction',
    request: RescheduleActionRequest,
    data: (body) => ({ dueDate: dateFromParts(body, 'dueDate') ?? '', reason: text(body.reason) }),
    messages: {
      dueDate: 'Enter the new due date as a real date',
      reason: 'Enter why the due date is moving',
    },
  },
  progress: {
    command: 'RecordProgress',
    request: RecordProgressRequest,
    data: (body) => ({ note: text(body.note) }),
    messages: { note: 'Enter what has been done' },
  },
  complete: {
    command: 'CompleteAction',
    request: CompleteActionRequest,
    data: (body) => ({ summary: text(body.summary), evidence: lines(body.evidence) }),
    messages: {
      summary: 'Enter a summary of what was done',
      evidence: 'Each piece of evidence must be one line',
    },
  },
  verify: {
    command: 'VerifyAction',
    request: VerifyActionRequest,
    data: (body) => ({ ...(text(body.note) !== '' && { note: text(body.note) }) }),
    messages: { note: 'The note is too long' },
  },
  reopen: {
    command: 'ReopenAction',
    request: ReopenActionRequest,
    data: (body) => ({ reason: text(body.reason) }),
    messages: { reason: 'Enter why the action is being sent back' },
  },
};

export function isTransition(value: string): value is Transition {
  return (TRANSITIONS as readonly string[]).includes(value);
}

/**
 * A form as the command it asks for, checked by the same request classes as the JSON routes; or the fields a
 * person must correct, each with a sentence (field ids are the form's own: `reschedule-dueDate`).
 */
export function commandFromForm(
  transition: Transition,
  body: Body,
): { input: ActionCommandInput } | { errors: FieldError[] } {
  const spec = SPECS[transition];
  const data = spec.data(body);
  const problems = validateSync(plainToInstance(spec.request, data), { forbidUnknownValues: false });
  if (problems.length > 0) {
    return {
      errors: problems.map((problem) => ({
        field: `${transition}-${problem.property}`,
        text: spec.messages[problem.property] ?? `Check ${problem.property}`,
        ...(problem.property === 'dueDate' && { href: `${transition}-dueDate-day` }),
      })),
    };
  }
  return { input: { type: spec.command, data } as ActionCommandInput };
}
