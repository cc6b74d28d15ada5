import {
  evolveFindingResolution,
  initialFindingResolutionState,
  reactToFindingResolution,
  type FindingResolutionState,
} from '@actionledger/domain';
import { EVENT_STORE, type EventStore, type StoredEvent, type Subscription } from '@actionledger/event-store';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ResolveFindingCommand } from '../findings/resolve-finding.command';

/** The process acts for the organisation whose finding it resolves. */
const findingResolutionActor = (organisationId: string | null) => ({
  userId: 'system:finding-resolution',
  role: 'system' as const,
  organisationId,
});

/**
 * Feeds the finding-resolution process from the log (catch-up from the start, then live) and sends the
 * ResolveFinding commands it decides on. Each command's Idempotency-Key is the triggering event's id, so a
 * replay after a restart appends nothing twice.
 */
@Injectable()
export class FindingResolutionRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FindingResolutionRunner.name);
  private subscription?: Subscription;
  private state: FindingResolutionState = initialFindingResolutionState;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribeToAll((event) => this.handle(event), {
      onError: (error) => this.logger.error(`Finding resolution stopped: ${error.message}`),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.close();
  }

  private async handle(event: StoredEvent): Promise<void> {
    this.state = evolveFindingResolution(this.state, event);
    const resolution = reactToFindingResolution(this.state, event);
    if (!resolution) return;
    try {
      await this.commandBus.execute(
        new ResolveFindingCommand(resolution.findingId, resolution.verifiedActionIds, {
          actor: findingResolutionActor(event.metadata.actor.organisationId ?? null),
          correlationId: event.metadata.correlationId,
          causationId: event.id,
          idempotencyKey: `resolve-after:${event.id}`,
        }),
      );
    } catch (error) {
      this.logger.warn(`Finding ${resolution.findingId} was not resolved: ${(error as Error).message}`);
    }
  }
}
