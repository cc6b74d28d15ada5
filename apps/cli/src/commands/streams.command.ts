import type { EventStore, StoredEvent } from '@actionledger/event-store';
import { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliIo } from '../cli-io';
import { withEventStore as withStore } from '../with-event-store';

interface StreamSummary {
  streamId: string;
  events: number;
  lastType: string;
  lastRecordedAt: string;
}

async function summariseStreams(store: EventStore): Promise<StreamSummary[]> {
  const streams = new Map<string, StreamSummary>();
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    for (const event of page) {
      const summary = streams.get(event.streamId) ?? {
        streamId: event.streamId,
        events: 0,
        lastType: '',
        lastRecordedAt: '',
      };
      streams.set(event.streamId, {
        ...summary,
        events: summary.events + 1,
        lastType: event.type,
        lastRecordedAt: event.recordedAt,
      });
    }
    if (page.length < 1_000) return [...streams.values()];
    after = page[page.length - 1].position;
  }
}

function describeEvent(event: StoredEvent): string {
  const { actor, correlationId, causationId, occurredAt, reason } = event.metadata;
  return [
    `#${event.revision} ${event.type}  position ${event.position}  at ${occurredAt}`,
    `   by ${actor.userId} (${actor.role})  correlation ${correlationId}  causation ${causationId}`,
    ...(reason ? [`   reason: ${reason}`] : []),
    `   ${JSON.stringify(event.data)}`,
  ].join('\n');
}

const asJson = (event: StoredEvent) => ({ ...event, position: Number(event.position) });

export function streamsCommand(io: CliIo): Command {
  const streams = new Command('streams').description('read the event log (the only source of truth)');

  streams
    .command('list')
    .description('list every stream with its number of events and its last event')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const summaries = await withStore(io, summariseStreams);
      if (options.json) return io.out(JSON.stringify(summaries, null, 2));
      if (summaries.length === 0) return io.out('The log is empty.');
      for (const s of summaries)
        io.out(`${s.streamId}\t${s.events} events\tlast ${s.lastType} at ${s.lastRecordedAt}`);
    });

  streams
    .command('show')
    .description("print a stream's events with their metadata, oldest first")
    .argument('<streamId>', 'e.g. action-5d0c…, as `streams list` prints it')
    .option('--json', 'print JSON instead of text')
    .action(async (streamId: string, options: { json?: boolean }) => {
      const events = await withStore(io, (store) => store.readStream(streamId));
      if (events.length === 0) throw new CliError(`There is no stream ${streamId}.`, EXIT.notFound);
      io.out(
        options.json ? JSON.stringify(events.map(asJson), null, 2) : events.map(describeEvent).join('\n'),
      );
    });

  return streams;
}
