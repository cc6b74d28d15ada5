import { randomUUID } from 'node:crypto';
import { actionStreamId, addToCalendarDate, findingStreamId, inspectionStreamId } from '@actionledger/domain';
import type { EventStore, NewEvent, StreamWrite } from '@actionledger/event-store';

export interface PlanLogShape {
  /** Stop once about this many events are written. */
  events: number;
  organisations: number;
  findingsPerInspection: number;
  actionsPerFinding: number;
  /** Whether actions go on past assignment (progress, reschedule, completion, verification) or stay open. */
  lifecycle: 'full' | 'open';
  /** The organisations' ids (default `org-0`, `org-1`…): a real one, to read the plans as its users. */
  organisationIds?: readonly string[];
}

const metadata = (): NewEvent['metadata'] => ({
  actor: { userId: 'bench', role: 'lead' },
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: '2026-03-02T09:30:00.000Z',
});
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: metadata(),
});

/**
 * Writes a log of whole plans (an inspection, its findings, their actions and each action's life) straight to
 * the store, one plan per atomic multi-stream append. Due dates spread over a year, so some are overdue.
 */
export async function generatePlanLog(
  store: EventStore,
  shape: PlanLogShape,
): Promise<{ events: number; openActions: number }> {
  let written = 0;
  let openActions = 0;
  for (let plan = 0; written < shape.events; plan += 1) {
    const organisationId =
      shape.organisationIds?.[plan % shape.organisations] ?? `org-${plan % shape.organisations}`;
    const inspectionId = randomUUID();
    const at = '2026-03-02T09:30:00.000Z';
    const writes: StreamWrite[] = [
      {
        streamId: inspectionStreamId(inspectionId),
        expected: 'no_stream',
        events: [
          event('InspectionRecorded', {
            inspectionId,
            organisationId,
            authority: `Authority ${plan}`,
            inspectionType: 'contact_referral_assessment',
            inspectionDates: ['2026-02-10'],
            letterDate: addToCalendarDate('2025-01-01', { days: plan % 400 }),
            inspector: null,
            overallJudgement: null,
            recordedAt: at,
          }),
        ],
      },
    ];
    for (let f = 0; f < shape.findingsPerInspection; f += 1) {
      const findingId = randomUUID();
      const category = f === 0 ? 'priority_action' : 'area_for_development';
      writes.push({
        streamId: findingStreamId(findingId),
        expected: 'no_stream',
        events: [
          event('FindingRaised', {
            findingId,
            inspectionId,
            organisationId,
            category,
            timescale: 'within_3_months',
            text: `Finding ${f}`,
            raisedAt: at,
          }),
        ],
      });
      for (let a = 0; a < shape.actionsPerFinding; a += 1) {
        const actionId = randomUUID();
        const dueDate = addToCalendarDate('2026-01-01', { days: (plan * 7 + f * 3 + a) % 365 });
        const events = [
          event('ActionPlanned', {
            actionId,
            findingId,
            organisationId,
            title: `Action ${a}`,
            description: null,
            recordedOn: null,
            plannedAt: at,
          }),
          event('ActionAssigned', {
            actionId,
            ownerId: `owner-${(plan + a) % 500}`,
            dueDate,
            dueDateSource: 'given',
            assignedAt: at,
          }),
        ];
        if (shape.lifecycle === 'full') {
          const later = addToCalendarDate(dueDate, { days: 30 });
          events.push(
            event('ProgressRecorded', { actionId, note: 'on with it', recordedAt: at }),
            event('ActionRescheduled', {
              actionId,
              previousDueDate: dueDate,
              dueDate: later,
              reason: 'slipped',
              rescheduledAt: at,
            }),
          );
          if (a % 4 === 3) openActions += 1;
          else
            events.push(
              event('ActionCompleted', { actionId, summary: 'done', evidence: [], completedAt: at }),
            );
          if (a % 2 === 0) events.push(event('ActionVerified', { actionId, note: null, verifiedAt: at }));
        } else {
          openActions += 1;
        }
        writes.push({ streamId: actionStreamId(actionId), expected: 'no_stream', events });
      }
    }
    await store.appendToStreams(writes);
    written += writes.reduce((sum, write) => sum + write.events.length, 0);
  }
  return { events: written, openActions };
}
