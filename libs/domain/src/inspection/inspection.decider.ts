import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import type { InspectionDetails, InspectionEvent } from './inspection.events';

export type RecordInspection = DomainCommand<
  'RecordInspection',
  InspectionDetails & { inspectionId: string; organisationId: string }
>;
export type InspectionCommand = RecordInspection;

export type InspectionState =
  | { status: 'none' }
  | ({
      status: 'recorded';
      inspectionId: string;
      organisationId: string;
      recordedAt: string;
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
    default: {
      const unknownCommand: never = command.type;
      throw new Error(`Unknown inspection command ${String(unknownCommand)}`);
    }
  }
}

export function evolveInspection(_state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionRecorded':
      return { status: 'recorded', ...event.data };
    default: {
      const unknownEvent: never = event.type;
      throw new Error(`Unknown inspection event ${String(unknownEvent)}`);
    }
  }
}

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  decide: decideInspection,
  evolve: evolveInspection,
  initialState: initialInspectionState,
};
