import type { UserDirectory } from '@actionledger/auth';
import type { Actor, Role } from '@actionledger/command-handling';
import type { ActionState } from '@actionledger/domain';
import type { StoredEvent } from '@actionledger/event-store';
import { beginQuery, readDocuments, withPlanContext, type ReadModelContext } from '@actionledger/projections';
import { formErrors, type FieldError } from '../sign-in/sign-in.view-model';
import { historyTimeline } from './action-history';
import { availableTransitions, type Transition } from './action-transitions';

export interface ActionPageInput {
  actionId: string;
  state: Exclude<ActionState, { status: 'none' }>;
  version: number;
  history: readonly StoredEvent[];
  actor: Actor;
  /** A form sent back with errors: which one, what was typed, and what to correct. */
  failed?: { transition: Transition; values: Record<string, unknown>; errors: FieldError[] };
  done?: string;
}

const DONE: Record<string, string> = {
  assign: 'The action is assigned',
  reassign: 'The action is reassigned',
  reschedule: 'The due date is moved',
  progress: 'Your progress note is recorded',
  complete: 'The action is marked as completed',
  verify: 'The action is verified',
  reopen: 'The action is sent back to its owner',
};

/**
 * One action as a person needs it: its state from its stream, its dates and how often they moved from the read
 * model (the same document the lists show), a form for each transition the role allows, and its history.
 */
export async function actionPageViewModel(
  context: ReadModelContext,
  directory: UserDirectory,
  input: ActionPageInput,
) {
  const { state, actor } = input;
  const organisationId = actor.organisationId!;
  const today = await beginQuery(context);
  const docs = await readDocuments(context, organisationId, 'action', [input.actionId]);
  const [listed] = await withPlanContext(context, organisationId, docs, today);
  await directory.catchUp();
  const nameOf = (userId: string) => directory.displayName(userId);
  const owners = (await directory.usersOf(organisationId))
    .filter(
      (user) => user.status === 'active' && (user.roles.includes('owner') || user.roles.includes('lead')),
    )
    .map((user) => ({ value: user.userId, text: nameOf(user.userId) }))
    .sort((a, b) => a.text.localeCompare(b.text));
  // The choice a failed form had made stays made.
  const ownerItems = (transition: Transition) => [
    { value: '', text: 'Choose an owner' },
    ...owners.map((owner) => ({
      ...owner,
      selected: input.failed?.transition === transition && input.failed.values.ownerId === owner.value,
    })),
  ];
  const transitions = availableTransitions(state, { userId: actor.userId, role: actor.role as Role });
  return {
    title: state.title,
    actionId: input.actionId,
    version: input.version,
    status: state.status,
    description: state.description,
    owner: state.ownerId ? nameOf(state.ownerId) : null,
    dueDate: state.dueDate,
    originalDueDate: listed?.originalDueDate ?? state.dueDate,
    timesMoved: listed?.timesMoved ?? 0,
    overdue: listed?.overdue ?? false,
    daysOverdue: listed?.daysOverdue ?? 0,
    finding: listed?.finding ?? null,
    category: listed?.category ?? null,
    inspection: listed?.inspection ?? null,
    completion: state.completion && {
      ...state.completion,
      completedBy: nameOf(state.completion.completedBy),
    },
    sentBack: listed?.sentBack ?? null,
    evidenceFiles: state.evidenceFiles.map((file) => ({
      fileName: file.fileName,
      size: readableSize(file.size),
      sha256: file.sha256,
      attachedBy: nameOf(file.attachedBy),
      attachedAt: file.attachedAt,
    })),
    ownerItems: { assign: ownerItems('assign'), reassign: ownerItems('reassign') },
    transitions,
    history: historyTimeline(input.history, nameOf),
    failedTransition: input.failed?.transition ?? null,
    values: input.failed?.values ?? {},
    done: input.done ? (DONE[input.done] ?? null) : null,
    ...formErrors(input.failed?.errors ?? []),
  };
}

/** 512 bytes, 12 KB, 3.4 MB: as a person reads a file's size. */
function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
