import { findingDecider, findingStreamId, type CommandActor, type FindingFacts } from '@actionledger/domain';
import { AggregateLoader, NotFoundError } from '@actionledger/command-handling';

/** What an action command needs to know of the finding its action serves; another organisation's is a 404. */
export async function findingFactsOf(
  loader: AggregateLoader,
  findingId: string,
  actor: CommandActor,
): Promise<FindingFacts> {
  const { state } = await loader.loadVisible(
    findingStreamId(findingId),
    findingDecider,
    actor,
    () => new NotFoundError('finding', findingId),
  );
  return {
    findingId,
    organisationId: state.organisationId,
    status: state.status,
    category: state.category,
    timescale: state.timescale,
    countsFrom: state.countsFrom,
  };
}
