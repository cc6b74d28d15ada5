import type { UserDirectory } from '@actionledger/auth';
import {
  idempotencyScope,
  type AggregateLoader,
  type Clock,
  type CommandContext,
  type CommandExecutor,
} from '@actionledger/command-handling';
import {
  actionStreamId,
  DomainRuleViolation,
  findingDecider,
  findingStreamId,
  inspectionDecider,
  inspectionStreamId,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type Decider,
  type FindingFacts,
  type ReminderOutcome,
} from '@actionledger/domain';
import type { ReminderTiming } from '../reminders.config';
import type { TimerJobData } from '../reminders.queue';
import { planTimers } from '../timing/timer-plan';
import { messageIdOf, type Notifier } from './notifier';
import { recipientsOf } from './recipients';
import { composeReminder } from './reminder-message';

export const REMINDERS_ACTOR_ID = 'system:reminders';

export interface FireReminderDeps {
  commands: CommandExecutor;
  loader: AggregateLoader;
  decider: Decider<ActionCommand, ActionEvent, ActionState>;
  directory: UserDirectory;
  notifier: Notifier;
  timing: ReminderTiming;
  publicUrl: string;
  clock: Clock;
  log?: (line: string) => void;
}

export interface TimerJob {
  id: string;
  data: TimerJobData;
  /** Attempts already made before this one, and how many there may be in all. */
  attemptsMade: number;
  attempts: number;
}

export type FireOutcome =
  | { status: 'recorded'; delivered: boolean; position: number }
  | { status: 'already-recorded' }
  | { status: 'dropped'; why: string }
  | { status: 'deferred'; until: Date };

/** Thrown to have BullMQ try the job again later, with backoff; the last attempt records the failure instead. */
export class DeliveryFailed extends Error {}

/**
 * What a fired timer does. The log decides: a timer already recorded (a retry, a replay after Redis was lost)
 * does nothing; one for an action completed, rescheduled or withdrawn meanwhile is dropped unsent; one that
 * fires outside the send time waits for it. Otherwise the message goes out, then its event is appended under
 * the job's id as Idempotency-Key, so that a job retried after a crash between the two sends again (with the
 * same Message-ID) but records once.
 */
export async function fireReminder(deps: FireReminderDeps, job: TimerJob): Promise<FireOutcome> {
  const { actionId, kind, dueDate } = job.data;
  const { state, idempotentWrites } = await deps.loader.load(actionStreamId(actionId), deps.decider);
  if (state.status === 'none') return { status: 'dropped', why: 'there is no such action' };
  if (
    idempotentWrites.has(idempotencyScope(REMINDERS_ACTOR_ID, job.id)) ||
    state.remindersRecorded.includes(job.id)
  )
    return { status: 'already-recorded' };

  const finding = await deps.loader.load(findingStreamId(state.findingId), findingDecider);
  if (finding.state.status === 'none') return { status: 'dropped', why: 'its finding is missing' };
  const inspection = await deps.loader.load(
    inspectionStreamId(finding.state.inspectionId),
    inspectionDecider,
  );
  if (inspection.state.status !== 'recorded')
    return { status: 'dropped', why: 'its inspection was withdrawn' };

  const now = deps.clock.now();
  const timer = planTimers(
    { ...state, priority: finding.state.category === 'priority_action', recorded: state.remindersRecorded },
    deps.timing,
    now,
  ).find((planned) => planned.jobId === job.id);
  if (!timer)
    return { status: 'dropped', why: `the action is ${state.status}, due ${state.dueDate ?? 'never'}` };
  if (timer.runAt.getTime() > now.getTime() + 1000) return { status: 'deferred', until: timer.runAt };

  const to = await recipientsOf(deps.directory, kind, state.organisationId, state.ownerId);
  const messageId = messageIdOf(job.id);
  const message = composeReminder({
    kind,
    messageId,
    to,
    actionTitle: state.title,
    dueDate,
    daysOverdue: timer.daysOverdue,
    ownerName: state.ownerId ? deps.directory.displayName(state.ownerId) : 'nobody',
    findingText: finding.state.text,
    findingCategory: finding.state.category,
    inspection: inspection.state,
    link: `${deps.publicUrl}/api/actions/${actionId}`,
  });

  let outcome: ReminderOutcome;
  try {
    if (to.length > 0) await deps.notifier.send(message);
    outcome = { delivered: true, notified: to.map((r) => r.userId), messageId };
  } catch (error) {
    const reason = (error as Error).message || String(error);
    if (job.attemptsMade + 1 < job.attempts) throw new DeliveryFailed(reason);
    outcome = { delivered: false, reason, attempts: job.attemptsMade + 1 };
  }

  const facts: FindingFacts = {
    findingId: finding.state.findingId,
    organisationId: finding.state.organisationId,
    status: finding.state.status,
    category: finding.state.category,
    timescale: finding.state.timescale,
    countsFrom: finding.state.countsFrom,
  };
  const context: CommandContext = {
    actor: { userId: REMINDERS_ACTOR_ID, role: 'system', organisationId: state.organisationId },
    correlationId: `reminder:${job.id}`,
    causationId: job.id,
    idempotencyKey: job.id,
  };
  try {
    const result = await deps.commands.execute({
      id: actionId,
      streamId: actionStreamId(actionId),
      decider: deps.decider,
      commandType: 'RecordReminder',
      payload: { jobId: job.id },
      context,
      prepare: (_state, metadata): ActionCommand => ({
        type: 'RecordReminder',
        data: { actionId, kind, dueDate, jobId: job.id, daysOverdue: timer.daysOverdue, outcome },
        metadata,
        finding: facts,
      }),
    });
    return { status: 'recorded', delivered: outcome.delivered, position: result.position };
  } catch (error) {
    // The action changed between the check and the record (completed a moment ago): nothing to record.
    if (error instanceof DomainRuleViolation) return { status: 'dropped', why: error.message };
    throw error;
  }
}
