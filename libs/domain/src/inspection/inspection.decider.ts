import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { InspectionDetails, InspectionEvent } from './inspection.events';

export type RecordInspection = DomainCommand<
  'RecordInspection',
  InspectionDetails & { inspectionId: string; organisationId: string }
>;
export type WithdrawInspection = DomainCommand<
  'WithdrawInspection',
  { inspectionId: string; reason: string }
>;
export type InspectionCommand = RecordInspection | WithdrawInspection;

export type InspectionState =
  | { status: 'none' }
  | ({
      status: 'recorded' | 'withdrawn';
      inspectionId: string;
      organisationId: string;
      recordedAt: string;
      withdrawal: { reason: string; withdrawnAt: string } | null;
    } & InspectionDetails);

export const initialInspectionState: InspectionState = { status: 'none' };

export function decideInspection(command: InspectionCommand, state: InspectionState): InspectionEvent[] {
  switch (command.type) {
    case 'RecordInspection': {
      if (state.status !== 'none') {
        throw new DomainRuleViolation('This inspection has already been recorded.');
      }
      const { data } = command;
      const firstDay = [...data.inspectionDates].sort()[0];
      if (data.letterDate && firstDay && data.letterDate < firstDay) {
        throw new DomainRuleViolation(
          `The letter date ${data.letterDate} is before the inspection began on ${firstDay}.`,
        );
      }
      return [
        {
          type: 'InspectionRecorded',
          data: {
            ...data,
            inspectionDates: [...new Set(data.inspectionDates)].sort(),
            recordedAt: command.metadata.now.toISOString(),
          },
        },
      ];
    }
    case 'WithdrawInspection': {
      if (state.status === 'none') throw new DomainRuleViolation('There is no such inspection.');
      if (state.status === 'withdrawn')
        throw new DomainRuleViolation('This inspection is already withdrawn.');
      const reason = command.data.reason.trim();
      if (reason === '') throw new DomainRuleViolation('A reason is required to withdraw an inspection.');
      return [
        {
          type: 'InspectionWithdrawn',
          data: { inspectionId: state.inspectionId, reason, withdrawnAt: command.metadata.now.toISOString() },
        },
      ];
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown inspection command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveInspection(state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionRecorded':
      return { status: 'recorded', ...event.data, withdrawal: null };
    case 'InspectionWithdrawn': {
      if (state.status === 'none') return state;
      const { reason, withdrawnAt } = event.data;
      return { ...state, status: 'withdrawn', withdrawal: { reason, withdrawnAt } };
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown inspection event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** The day a finding's timescale counts from: the letter's date, else the last day of the inspection. */
export function timescaleStart(inspection: InspectionDetails): string {
  return inspection.letterDate ?? [...inspection.inspectionDates].sort().at(-1)!;
}

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  decide: decideInspection,
  evolve: evolveInspection,
  initialState: initialInspectionState,
};
