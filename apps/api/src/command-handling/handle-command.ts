import type { Decider, DomainEvent } from '@actionledger/domain';
import { WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@actionledger/event-store';
import type { Clock } from '../infrastructure/clock';
import type { CommandContext, CommandResult } from './command-context';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { loadAggregate } from './load-aggregate';
import { toNewEvents } from './new-events';

/** Retries after a concurrent writer got in first, for commands sent without If-Match. */
const MAX_ATTEMPTS_WITHOUT_IF_MATCH = 5;

export interface CommandRequest<Command, Event extends DomainEvent, State> {
  /** The entity the command is about; it names the stream and the result. */
  id: string;
  streamId: string;
  decider: Decider<Command, Event, State>;
  /** Builds the domain command from the current state (it may read other streams for facts it needs). */
  prepare(state: State, now: Date): Promise<Command> | Command;
  commandType: string;
  reason?: string;
  context: CommandContext;
}

/**
 * The whole write path: read the stream → fold → decide → append with the expected revision.
 * A rejected command appends nothing; a retried one (same Idempotency-Key) returns the first result.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  clock: Clock,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandResult> {
  return retryingConcurrentWrites(request.context, () => attemptCommand(store, clock, request));
}

/**
 * Runs a read-decide-append attempt again when another writer got in first, unless the client named the version
 * it expected (If-Match): then the conflict is the answer.
 */
export async function retryingConcurrentWrites<T>(
  context: CommandContext,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error) {
      const mayRetry = context.expectedVersion === undefined && attempts < MAX_ATTEMPTS_WITHOUT_IF_MATCH;
      if (!(error instanceof WrongExpectedRevisionError) || !mayRetry) throw error;
    }
  }
}

async function attemptCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  clock: Clock,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandResult> {
  const { context, streamId } = request;
  const { state, version, events } = await loadAggregate(store, streamId, request.decider);

  const earlier = context.idempotencyKey
    ? findIdempotentResult(events, context.idempotencyKey, request)
    : null;
  if (earlier) return earlier;

  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new WrongExpectedRevisionError(
      streamId,
      context.expectedVersion,
      version < 0 ? 'no_stream' : version,
    );
  }

  const now = clock.now();
  const command = await request.prepare(state, now);
  const decided = request.decider.decide(command, state);
  if (decided.length === 0) return { id: request.id, position: -1, version };

  const toAppend = toNewEvents(streamId, decided, {
    context,
    now,
    commandType: request.commandType,
    reason: request.reason,
  });
  const appended = await store.append(streamId, toAppend, version < 0 ? 'no_stream' : version);
  return { id: request.id, position: Number(appended.position), version: appended.nextExpectedRevision };
}

function findIdempotentResult(
  events: StoredEvent[],
  key: string,
  request: { id: string; commandType: string },
): CommandResult | null {
  const written = events.filter((event) => event.metadata.idempotencyKey === key);
  if (written.length === 0) return null;
  const last = written[written.length - 1];
  if (last.metadata.command !== request.commandType) throw new IdempotencyKeyReusedError(key);
  return { id: request.id, position: Number(last.position), version: last.revision };
}
