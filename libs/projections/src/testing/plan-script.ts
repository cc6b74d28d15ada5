import {
  actionStreamId,
  createActionDecider,
  decideFinding,
  decideInspection,
  evolveFinding,
  findingStreamId,
  initialActionState,
  initialFindingState,
  initialInspectionState,
  inspectionStreamId,
  type ActionCommand,
  type ActionState,
  type ActionStatus,
  type CalendarDate,
  type DomainEvent,
  type FindingCategory,
  type FindingCommand,
  type InspectionState,
  type FindingState,
  type Timescale,
} from '@actionledger/domain';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@actionledger/event-store';

const policy = {
  immediately: { days: 7 },
  within_3_months: { months: 3 },
  within_6_months: { months: 6 },
  none: null,
};
const actionDecider = createActionDecider(policy);

export interface ScriptedEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  /** The position it would have in a log holding only this script's events. */
  position: bigint;
}

type ActionCommandInput = {
  [Type in ActionCommand['type']]: Omit<
    Extract<ActionCommand, { type: Type }>,
    'metadata' | 'finding' | 'data'
  > & { data: Omit<Extract<ActionCommand, { type: Type }>['data'], 'actionId'> };
}[ActionCommand['type']];

/**
 * Builds valid event sequences with the domain's own deciders (so a spec cannot feed the projections an event
 * the domain would never write), adding the organisation to root events as the domain is about to.
 * A refused command throws, as the domain does.
 */
export class PlanScript {
  readonly events: ScriptedEvent[] = [];
  private readonly findings = new Map<string, FindingState>();
  private readonly actions = new Map<string, { state: ActionState; findingId: string }>();
  private readonly orgOf = new Map<string, string>();
  private readonly withdrawnInspections = new Set<string>();

  constructor(public now: Date = new Date('2026-03-02T09:30:00Z')) {}

  at(instant: string | Date): this {
    this.now = new Date(instant);
    return this;
  }

  recordInspection(
    organisationId: string,
    inspectionId: string,
    details: { letterDate?: CalendarDate | null; inspectionDates?: CalendarDate[]; authority?: string } = {},
  ): this {
    const [event] = decideInspection(
      {
        type: 'RecordInspection',
        data: {
          inspectionId,
          organisationId,
          authority: details.authority ?? 'Durham County Council',
          inspectionType: 'contact_referral_assessment',
          inspectionDates: details.inspectionDates ?? ['2026-02-10', '2026-02-11'],
          letterDate: details.letterDate === undefined ? '2026-02-18' : details.letterDate,
          inspector: null,
          overallJudgement: null,
        },
        metadata: this.metadata(),
      },
      initialInspectionState,
    );
    this.orgOf.set(inspectionId, organisationId);
    return this.push(inspectionStreamId(inspectionId), event, organisationId);
  }

  raiseFinding(
    inspectionId: string,
    findingId: string,
    category: FindingCategory = 'priority_action',
    timescale: Timescale = 'within_3_months',
    text = `Finding ${findingId}`,
  ): this {
    const organisationId = this.require(this.orgOf.get(inspectionId), `inspection ${inspectionId}`);
    const state = this.findings.get(findingId) ?? initialFindingState;
    const [event] = decideFinding(
      {
        type: 'RaiseFinding',
        data: {
          findingId,
          inspectionId,
          organisationId,
          category,
          timescale,
          text,
          countsFrom: this.now.toISOString().slice(0, 10),
        },
        metadata: this.metadata(),
      },
      state,
    );
    this.findings.set(findingId, evolveFinding(state, event));
    this.orgOf.set(findingId, organisationId);
    return this.push(findingStreamId(findingId), event, organisationId);
  }

  resolveFinding(findingId: string, verifiedActionIds: string[]): this {
    const state = this.findings.get(findingId) ?? initialFindingState;
    const actions: Record<string, ActionStatus> = {};
    for (const [actionId, { state: action, findingId: of }] of this.actions) {
      if (of === findingId && action.status !== 'none') actions[actionId] = action.status;
    }
    const [event] = decideFinding(
      { type: 'ResolveFinding', data: { findingId, verifiedActionIds }, metadata: this.metadata(), actions },
      state,
    );
    this.findings.set(findingId, evolveFinding(state, event));
    return this.push(findingStreamId(findingId), event);
  }

  amendFinding(findingId: string, category: FindingCategory): this {
    return this.findingCommand(findingId, {
      type: 'AmendFinding',
      data: {
        findingId,
        changes: { category, text: `Finding ${findingId}, amended` },
        reason: 'typed wrongly',
      },
    });
  }

  reopenFinding(findingId: string): this {
    return this.findingCommand(findingId, {
      type: 'ReopenFinding',
      data: { findingId, reason: 'one more action' },
    });
  }

  withdrawInspection(inspectionId: string): this {
    const [event] = decideInspection(
      {
        type: 'WithdrawInspection',
        data: { inspectionId, reason: 'recorded twice' },
        metadata: this.metadata(),
      },
      this.recordedInspection(inspectionId),
    );
    this.withdrawnInspections.add(inspectionId);
    return this.push(inspectionStreamId(inspectionId), event);
  }

  withdraw(actionId: string): this {
    return this.actionCommand(actionId, { type: 'WithdrawAction', data: { reason: 'planned by mistake' } });
  }

  amend(actionId: string): this {
    return this.actionCommand(actionId, {
      type: 'AmendAction',
      data: { title: `Action ${actionId}, amended`, reason: 'clearer' },
    });
  }

  private findingCommand(findingId: string, command: Omit<FindingCommand, 'metadata'>): this {
    const state = this.findings.get(findingId) ?? initialFindingState;
    const [event] = decideFinding({ ...command, metadata: this.metadata() } as FindingCommand, state);
    this.findings.set(findingId, evolveFinding(state, event));
    return this.push(findingStreamId(findingId), event);
  }

  /** Enough of a recorded inspection for the decider to withdraw it. */
  private recordedInspection(inspectionId: string): InspectionState {
    return {
      status: this.withdrawnInspections.has(inspectionId) ? 'withdrawn' : 'recorded',
      inspectionId,
      organisationId: this.require(this.orgOf.get(inspectionId), `inspection ${inspectionId}`),
      recordedAt: this.now.toISOString(),
      withdrawal: null,
      authority: 'Durham County Council',
      inspectionType: 'contact_referral_assessment',
      inspectionDates: ['2026-02-10'],
      letterDate: null,
      inspector: null,
      overallJudgement: null,
    };
  }

  planAction(findingId: string, actionId: string, title = `Action ${actionId}`): this {
    const organisationId = this.require(this.orgOf.get(findingId), `finding ${findingId}`);
    this.actions.set(actionId, { state: initialActionState, findingId });
    return this.actionCommand(actionId, { type: 'PlanAction', data: { title } }, organisationId);
  }

  assign(actionId: string, ownerId: string, dueDate?: CalendarDate): this {
    return this.actionCommand(actionId, { type: 'AssignAction', data: { ownerId, dueDate } });
  }
  reassign(actionId: string, ownerId: string, dueDate?: CalendarDate): this {
    return this.actionCommand(actionId, { type: 'ReassignAction', data: { ownerId, dueDate } });
  }
  reschedule(actionId: string, dueDate: CalendarDate): this {
    return this.actionCommand(actionId, { type: 'RescheduleAction', data: { dueDate, reason: 'slipped' } });
  }
  progress(actionId: string): this {
    return this.actionCommand(actionId, { type: 'RecordProgress', data: { note: 'on with it' } });
  }
  complete(actionId: string): this {
    return this.actionCommand(actionId, { type: 'CompleteAction', data: { summary: 'done' } });
  }
  verify(actionId: string): this {
    return this.actionCommand(actionId, { type: 'VerifyAction', data: {} });
  }
  reopen(actionId: string): this {
    return this.actionCommand(actionId, { type: 'ReopenAction', data: { reason: 'not enough' } });
  }

  /** Any action command, as the property test draws them; throws the domain's refusal. */
  actionCommand(actionId: string, command: ActionCommandInput, organisationId?: string): this {
    const action = this.require(this.actions.get(actionId), `action ${actionId}`);
    const finding = this.findings.get(action.findingId);
    if (!finding || finding.status === 'none') throw new Error(`No finding ${action.findingId}.`);
    const full = {
      ...command,
      data: { ...command.data, actionId },
      // A second lead completes, so that the first one's sign-off passes the four-eyes rule.
      metadata: this.metadata(command.type === 'CompleteAction' ? 'lead-2' : 'lead-1'),
      finding: {
        findingId: finding.findingId,
        organisationId: finding.organisationId,
        status: finding.status,
        category: finding.category,
        timescale: finding.timescale,
        countsFrom: finding.countsFrom,
      },
    } as ActionCommand;
    const decided = actionDecider.decide(full, action.state);
    for (const event of decided) {
      action.state = actionDecider.evolve(action.state, event);
      this.push(actionStreamId(actionId), event, organisationId);
    }
    return this;
  }

  actionState(actionId: string): ActionState | undefined {
    return this.actions.get(actionId)?.state;
  }

  /** The events as the store would be handed them. */
  newEvents(): { streamId: string; event: NewEvent }[] {
    return this.events.map(({ streamId, type, data }) => ({
      streamId,
      event: {
        id: randomUUID(),
        type,
        data,
        metadata: {
          actor: { userId: 'lead-1', role: 'lead' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: this.now.toISOString(),
        },
      },
    }));
  }

  private metadata(userId = 'lead-1') {
    return { now: this.now, actor: { userId, role: 'lead', organisationId: null } };
  }

  private push(streamId: string, event: DomainEvent, organisationId?: string): this {
    const data = { ...(event.data as Record<string, unknown>), ...(organisationId && { organisationId }) };
    this.events.push({ streamId, type: event.type, data, position: BigInt(this.events.length + 1) });
    return this;
  }

  private require<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`The script has no ${what}.`);
    return value;
  }
}
