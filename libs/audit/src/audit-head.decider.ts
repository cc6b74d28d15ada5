import type { Decider, DomainCommand } from '@actionledger/domain';
import type { AuditHeadRecorded } from './audit-head-recorded.event';

export type RecordAuditHead = DomainCommand<
  'RecordAuditHead',
  { digest: string; position: string; streams: number }
>;

/** The recorded heads so far: only the last one matters, as the next one chains to it. */
export interface AuditHeadsState {
  lastDigest: string | null;
}

/** Recording a head that is already the last one recorded appends nothing: a retry, or nothing new since. */
export const auditHeadDecider: Decider<RecordAuditHead, AuditHeadRecorded, AuditHeadsState> = {
  decide: (command, state) =>
    state.lastDigest === command.data.digest
      ? []
      : [{ type: 'AuditHeadRecorded', data: { ...command.data, previousDigest: state.lastDigest } }],
  evolve: (_state, event) => ({ lastDigest: event.data.digest }),
  initialState: { lastDigest: null },
};
