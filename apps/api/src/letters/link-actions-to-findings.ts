import type { ProposedFinding } from '@actionledger/domain';
import { findingAnsweredBy as linkByStemmedWords } from '@actionledger/letters';

/**
 * The finding a reported action answers, by the stemmed words its area heading shares with each area for
 * development, priority action or recommendation (see `@actionledger/letters`); null for the lead to link.
 */
export function findingAnsweredBy(
  area: string,
  findings: ReadonlyArray<Pick<ProposedFinding, 'category' | 'text'>>,
): number | null {
  return linkByStemmedWords(area, findings);
}
