import type { ChainBreak } from './chain-break';

/** Refuses to minute a head over a log whose chain is already broken: the head would vouch for a tampered log. */
export class AuditChainBrokenError extends Error {
  constructor(readonly broken: ChainBreak) {
    super(`The audit chain is broken, so no head was taken. ${broken.message}`);
    this.name = 'AuditChainBrokenError';
  }
}
