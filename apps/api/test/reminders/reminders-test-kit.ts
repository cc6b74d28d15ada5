import { actionStreamId } from '@actionledger/domain';
import type { EventStore, StoredEvent } from '@actionledger/event-store';
import { bullConnection, REMINDERS_QUEUE } from '@actionledger/reminders';
import { Queue } from 'bullmq';
import { TestClock, type TestApp } from '../test-app';

/** A clock that runs, from wherever the test sets it: BullMQ's delays run on real time, and so must the app's. */
export class RunningClock extends TestClock {
  private offset = 0;
  constructor(start = '2026-11-02T09:00:00.000Z') {
    super();
    this.set(start);
  }
  override now(): Date {
    return new Date(Date.now() + this.offset);
  }
  override set(instant: string): void {
    this.offset = Date.parse(instant) - Date.now();
  }
}

/** Settings for an app whose reminders fire at once, retry fast, and give up a dead worker's job within a second. */
export function remindersEnv(smtpUrl: string | null, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    REMINDERS: 'on',
    REMINDER_SEND_AT: 'now',
    REMINDER_LEAD_DAYS: '7',
    REMINDER_ATTEMPTS: '3',
    REMINDER_BACKOFF_MS: '100',
    REMINDER_LOCK_MS: '1000',
    PUBLIC_URL: 'https://actionledger.example.gov.uk',
    ...(smtpUrl && { SMTP_URL: smtpUrl }),
    ...extra,
  };
}

/** Waits (polling, up to `timeoutMs`) until `check` passes; no fixed sleeps. */
export async function until(check: () => Promise<unknown> | unknown, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const ok = await check();
      if (ok !== false) return;
      if (Date.now() > deadline) throw new Error('condition still false');
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const REMINDER_EVENT_TYPES = [
  'ReminderSent',
  'ActionFellOverdue',
  'ActionEscalated',
  'ReminderFailed',
];

export async function reminderEvents(store: EventStore, actionId: string): Promise<StoredEvent[]> {
  const events = await store.readStream(actionStreamId(actionId));
  return events.filter((event) => REMINDER_EVENT_TYPES.includes(event.type));
}

/** Plans an action on a new finding of its own and assigns it to the test owner with the due date given. */
export async function givenAssignedAction(
  t: TestApp,
  dueDate: string,
  category = 'priority_action',
): Promise<string> {
  const inspection = await t.http
    .post('/api/inspections')
    .send({
      authority: 'Durham County Council',
      inspectionType: 'contact_referral_assessment',
      inspectionDates: ['2026-10-20', '2026-10-21'],
      letterDate: '2026-10-30',
    })
    .expect(201);
  const finding = await t.http
    .post(`/api/inspections/${inspection.body.id}/findings`)
    .send({ category, timescale: 'within_3_months', text: 'Ensure that all contacts are screened promptly.' })
    .expect(201);
  const action = await t.http
    .post(`/api/findings/${finding.body.id}/actions`)
    .send({ title: 'Audit every contact received in October' })
    .expect(201);
  await t.http
    .post(`/api/actions/${action.body.id}/assign`)
    .send({ ownerId: t.users.owner.userId, dueDate })
    .expect(200);
  return action.body.id as string;
}

/** The app's reminders queue, seen from outside (as an operator would with BullMQ's tools). */
export function remindersQueueOf(t: TestApp): Queue {
  const prefix = `test-${t.dataDir.split('/').pop()}:reminders`;
  return new Queue(REMINDERS_QUEUE, { connection: bullConnection('redis://127.0.0.1:6379'), prefix });
}
