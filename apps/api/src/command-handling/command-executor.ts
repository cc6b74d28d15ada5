import type { Decider, DomainEvent } from '@actionledger/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@actionledger/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { AggregateLoader } from './aggregate-loader';
import type { CommandContext, CommandResult } from './command-context';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
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
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly loader: AggregateLoader,
  ) {}

  execute<Command, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult> {
    return this.retryingConcurrentWrites(request.context, () => this.attempt(request));
  }

  /**
   * Runs a read-decide-append attempt again when another writer got in first, unless the client named the
   * version it expected (If-Match): then the conflict is the answer.
   */
  async retryingConcurrentWrites<T>(context: CommandContext, attempt: () => Promise<T>): Promise<T> {
    for (let attempts = 1; ; attempts++) {
      try {
        return await attempt();
      } catch (error) {
        const mayRetry = context.expectedVersion === undefined && attempts < MAX_ATTEMPTS_WITHOUT_IF_MATCH;
        if (!(error instanceof WrongExpectedRevisionError) || !mayRetry) throw error;
      }
    }
  }

  private async attempt<Command, Event extends DomainEvent, State>(
    request: CommandRequest<Command, Event, State>,
  ): Promise<CommandResult> {
    const { context, streamId } = request;
    const { state, version, idempotentWrites } = await this.loader.load(streamId, request.decider);

    const earlier = context.idempotencyKey ? idempotentWrites.get(context.idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.command !== request.commandType)
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
    const decided = request.decider.decide(await request.prepare(state, now), state);
    if (decided.length === 0) return { id: request.id, position: -1, version };

    const provenance = { context, now, commandType: request.commandType, reason: request.reason };
    const appended = await this.store.append(
      streamId,
      toNewEvents(streamId, decided, provenance),
      version < 0 ? 'no_stream' : version,
    );
    return { id: request.id, position: Number(appended.position), version: appended.nextExpectedRevision };
  }
}
