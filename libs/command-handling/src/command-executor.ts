import type { CommandMetadata, Decider, DomainEvent } from '@actionledger/domain';
import {
  EVENT_STORE,
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
} from '@actionledger/event-store';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { AggregateLoader, idempotencyScope, type LoadedAggregate } from './aggregate-loader';
import { CLOCK, type Clock } from './clock';
import { COMMAND_OBSERVER, outcomeOfError, type CommandObserver } from './command-observer';
import type { CommandContext, CommandResult } from './command-context';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { NotFoundError } from './not-found.error';
import { isVisibleTo } from './organisation-scope';
import { toNewEvents, type ImportedFrom, type Provenance } from './new-events';
import { requestDigest } from './request-digest';
import { StreamQueue } from './stream-queue';

/**
 * Writers in this process queue per stream, so a conflict can only come from another process; those are retried
 * a bounded number of times, after a jittered pause, for commands sent without If-Match.
 */
const MAX_ATTEMPTS_WITHOUT_IF_MATCH = 10;
const MAX_RETRY_PAUSE_MS = 50;

export interface CommandRequest<Command, Event extends DomainEvent, State> {
  /** The entity the command is about; it names the stream and the result. */
  id: string;
  streamId: string;
  decider: Decider<Command, Event, State>;
  /**
   * Builds the domain command from the current state (it may read other streams for facts it needs); the
   * metadata (time and actor) goes into the command as it is.
   */
  prepare(state: State, metadata: CommandMetadata): Promise<Command> | Command;
  commandType: string;
  /** What the caller asked for, as sent: an Idempotency-Key is bound to it. */
  payload?: unknown;
  reason?: string;
  context: CommandContext;
  /** The error for a record that does not exist or that the actor may not see (another organisation's). */
  notFound?: () => Error;
  /**
   * Other streams written in the same atomic append, each at the revision it was loaded at (so a concurrent
   * write to one of them fails the whole append and the command is decided again), e.g. the finding that
   * records an action planned for it.
   */
  alongside?: {
    streamIds: readonly string[];
    decide(decided: readonly Event[], metadata: CommandMetadata): Promise<StreamDecision[]>;
  };
}

/** One stream's part of a decision over several streams. */
export interface StreamDecision {
  streamId: string;
  events: readonly DomainEvent[];
  /** The stream as it was loaded, or `NEW_STREAM` for one this write creates. */
  from: Pick<LoadedAggregate<unknown>, 'version' | 'headHash'>;
  /** Marks this stream's events as imported (a sheet's row), over the provenance's own mark. */
  imported?: ImportedFrom;
}

export const NEW_STREAM = { version: -1, headHash: null } as const;

/**
 * The one write path, for every app: read the stream → fold → decide → build each event's metadata (actor,
 * organisation, reason, chain links) → append with the expected revision. A rejected command appends nothing; a
 * retried one (same caller, same Idempotency-Key, same request) returns the first result.
 */
@Injectable()
export class CommandExecutor {
  private readonly queue = new StreamQueue();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly loader: AggregateLoader,
    @Optional() @Inject(COMMAND_OBSERVER) private readonly observer?: CommandObserver,
  ) {}

  async execute<Command, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult> {
    const streamIds = [request.streamId, ...(request.alongside?.streamIds ?? [])];
    try {
      const result = await this.run(request.context, streamIds, () => this.attempt(request));
      this.observer?.commandFinished(request.commandType, result.position < 0 ? 'unchanged' : 'accepted');
      return result;
    } catch (error) {
      this.observer?.commandFinished(request.commandType, outcomeOfError(error));
      throw error;
    }
  }

  /**
   * The entry for a decision over several streams: `attempt` loads what it needs, decides, and writes with
   * `writeStreams`. It runs queued behind other writers to `streamIds` in this process, and again when a writer
   * in another process got in first, unless the client named the version it expected (If-Match).
   */
  run<T>(context: CommandContext, streamIds: readonly string[], attempt: () => Promise<T>): Promise<T> {
    return this.queue.run(streamIds, async () => {
      for (let attempts = 1; ; attempts++) {
        try {
          return await attempt();
        } catch (error) {
          if (error instanceof EventIdConflictError && context.idempotencyKey !== undefined) {
            throw new IdempotencyKeyReusedError(context.idempotencyKey);
          }
          const mayRetry = context.expectedVersion === undefined && attempts < MAX_ATTEMPTS_WITHOUT_IF_MATCH;
          if (!(error instanceof WrongExpectedRevisionError) || !mayRetry) throw error;
          await pause(Math.random() * Math.min(MAX_RETRY_PAUSE_MS, 2 ** attempts));
        }
      }
    });
  }

  /** Appends decided events to several streams in one atomic write, each chained onto its stream. */
  writeStreams(decisions: readonly StreamDecision[], provenance: Provenance): Promise<AppendResult[]> {
    let index = 0;
    const eventTypes = decisions.flatMap(({ events }) => events.map((event) => event.type));
    return this.timed(eventTypes, () =>
      this.store.appendToStreams(
        decisions.map(({ streamId, events, from, imported }) => {
          const newEvents = toNewEvents(
            { streamId, nextRevision: from.version + 1, headHash: from.headHash },
            events,
            imported ? { ...provenance, imported } : provenance,
            index,
          );
          index += events.length;
          return { streamId, events: newEvents, expected: from.version < 0 ? 'no_stream' : from.version };
        }),
      ),
    );
  }

  /** Times one append for the observer; a refused one wrote no events, but its time is the store's too. */
  private async timed<T>(eventTypes: readonly string[], append: () => Promise<T>): Promise<T> {
    if (!this.observer) return append();
    const started = process.hrtime.bigint();
    let written: readonly string[] = [];
    try {
      const result = await append();
      written = eventTypes;
      return result;
    } finally {
      this.observer.appended(Number(process.hrtime.bigint() - started) / 1e9, written);
    }
  }

  now(): Date {
    return this.clock.now();
  }

  private async attempt<Command, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult> {
    const { context, streamId } = request;
    const loaded = await this.loader.load(streamId, request.decider);
    const { state, version } = loaded;
    if (!isVisibleTo(state, context.actor)) {
      throw request.notFound?.() ?? new NotFoundError('record', request.id);
    }

    const digest = context.idempotencyKey
      ? requestDigest(request.commandType, streamId, request.payload)
      : undefined;
    const earlier = context.idempotencyKey
      ? loaded.idempotentWrites.get(idempotencyScope(context.actor.userId, context.idempotencyKey))
      : undefined;
    if (earlier) {
      if (earlier.command !== request.commandType || earlier.digest !== digest)
        throw new IdempotencyKeyReusedError(context.idempotencyKey!);
      return { id: request.id, position: earlier.position, version: earlier.revision };
    }

    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedRevisionError(
        streamId,
        context.expectedVersion,
        version < 0 ? 'no_stream' : version,
      );
    }

    const now = this.clock.now();
    const metadata = { now, actor: context.actor };
    const command = await request.prepare(state, metadata);
    const decided = request.decider.decide(command, state);
    if (decided.length === 0) return { id: request.id, position: -1, version };

    const provenance = {
      context,
      now,
      commandType: request.commandType,
      reason: request.reason,
      requestDigest: digest,
    };
    if (request.alongside) {
      const others = await request.alongside.decide(decided, metadata);
      // The command's own stream answers, as a retry (found by its Idempotency-Key in that stream) will.
      const [own] = await this.writeStreams(
        [{ streamId, events: decided, from: loaded }, ...others],
        provenance,
      );
      return { id: request.id, position: Number(own.position), version: own.nextExpectedRevision };
    }
    const appended = await this.timed(
      decided.map((event) => event.type),
      () =>
        this.store.append(
          streamId,
          toNewEvents(
            { streamId, nextRevision: version + 1, headHash: loaded.headHash },
            decided,
            provenance,
          ),
          version < 0 ? 'no_stream' : version,
        ),
    );
    return { id: request.id, position: Number(appended.position), version: appended.nextExpectedRevision };
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
