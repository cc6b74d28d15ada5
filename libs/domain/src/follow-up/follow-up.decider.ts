/** The follow-up aggregate: its events (re-exported, so the domain's index needs one line for it) and decider. */
export * from './follow-up.events';
import { isCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { FOLLOW_UP_JUDGEMENTS, type FollowUpEvent, type FollowUpJudgement } from './follow-up.events';

export type ScheduleFollowUp = DomainCommand<
  'ScheduleFollowUp',
  {
    followUpId: string;
    organisationId: string;
    authority: string;
    expectedDate: CalendarDate;
    followsInspectionId: string;
  }
>;

/** `finding` is what the handler read from the finding's stream: which inspection raised it. */
export type JudgeFindingAtFollowUp = DomainCommand<
  'JudgeFindingAtFollowUp',
  { followUpId: string; findingId: string; judgement: FollowUpJudgement; note?: string | null }
> & { finding: { findingId: string; inspectionId: string } };

export type FollowUpCommand = ScheduleFollowUp | JudgeFindingAtFollowUp;

export type FollowUpState =
  | { status: 'none' }
  | {
      status: 'scheduled';
      followUpId: string;
      organisationId: string;
      followsInspectionId: string;
      expectedDate: CalendarDate;
      judgements: Record<string, FollowUpJudgement>;
    };

export const initialFollowUpState: FollowUpState = { status: 'none' };

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

export function decideFollowUp(command: FollowUpCommand, state: FollowUpState): FollowUpEvent[] {
  switch (command.type) {
    case 'ScheduleFollowUp': {
      if (state.status !== 'none') refuse('This follow-up has already been scheduled.');
      const authority = command.data.authority.trim();
      if (authority === '') refuse('A follow-up needs the authority it inspects.');
      if (!isCalendarDate(command.data.expectedDate)) {
        refuse(`The expected date ${String(command.data.expectedDate)} is not a date (YYYY-MM-DD).`);
      }
      return [{ type: 'FollowUpScheduled', data: { ...command.data, authority } }];
    }
    case 'JudgeFindingAtFollowUp': {
      if (state.status === 'none') refuse('There is no such follow-up.');
      const { findingId, judgement } = command.data;
      if (command.finding.inspectionId !== state.followsInspectionId) {
        refuse(`Finding ${findingId} was not raised by the inspection this follow-up follows.`);
      }
      if (!(FOLLOW_UP_JUDGEMENTS as readonly string[]).includes(judgement)) {
        refuse(`A judgement is one of ${FOLLOW_UP_JUDGEMENTS.join(', ')}.`);
      }
      if (state.judgements[findingId] === judgement)
        refuse(`Finding ${findingId} is already judged ${judgement}.`);
      return [
        {
          type: 'FindingJudgedAtFollowUp',
          data: {
            followUpId: state.followUpId,
            findingId,
            judgement,
            note: command.data.note?.trim() || null,
          },
        },
      ];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown follow-up command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveFollowUp(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  switch (event.type) {
    case 'FollowUpScheduled': {
      const { followUpId, organisationId, followsInspectionId, expectedDate } = event.data;
      return {
        status: 'scheduled',
        followUpId,
        organisationId,
        followsInspectionId,
        expectedDate,
        judgements: {},
      };
    }
    case 'FindingJudgedAtFollowUp':
      return state.status === 'none'
        ? state
        : { ...state, judgements: { ...state.judgements, [event.data.findingId]: event.data.judgement } };
    default:
      return state;
  }
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpEvent, FollowUpState> = {
  decide: decideFollowUp,
  evolve: evolveFollowUp,
  initialState: initialFollowUpState,
};
