import { findingDecider, type FindingRaised, type FindingState } from '@actionledger/domain';
import { findingStreamId } from '@actionledger/domain';
import type { AggregateLoader } from '@actionledger/command-handling';
import type { EventStore } from '@actionledger/event-store';

const PAGE = 1000;

export type InspectionFinding = Exclude<FindingState, { status: 'none' }>;

/**
 * An inspection's findings as the log has them now (amended text included). Findings do not list themselves on
 * their inspection's stream, so the log is read for the ones raised on it: an import is rare, and reading the
 * log keeps the match exact where a read model could be behind.
 */
export async function inspectionFindings(
  store: EventStore,
  loader: AggregateLoader,
  inspectionId: string,
): Promise<InspectionFinding[]> {
  const ids: string[] = [];
  for (let after = 0n; ;) {
    const events = await store.readAll({ after, limit: PAGE });
    for (const event of events) {
      if (
        event.type === 'FindingRaised' &&
        (event.data as FindingRaised['data']).inspectionId === inspectionId
      ) {
        ids.push((event.data as FindingRaised['data']).findingId);
      }
    }
    if (events.length < PAGE) break;
    after = events.at(-1)!.position;
  }
  const findings = await Promise.all(ids.map((id) => loader.load(findingStreamId(id), findingDecider)));
  return findings.flatMap(({ state }) => (state.status === 'none' ? [] : [state]));
}
