import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ProjectionRunner } from '@actionledger/projections';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import type { Response } from 'express';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  /**
   * 200 while the event store answers and some process projects the log; 503 when the store is down, or when no
   * runner holds the lease while a projection is behind (stopped). Each projection says how far behind it is.
   */
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const eventStore = await this.store.health().catch((error: Error) => ({
      status: 'down' as const,
      adapter: 'unknown',
      detail: error.message,
    }));
    const projections = await this.runner.status().catch((error: Error) => ({ error: error.message }));
    const stopped =
      'error' in projections ||
      (projections.leaseHolder === null && projections.consumers.some((consumer) => consumer.lag > 0));
    const status = eventStore.status === 'up' && !stopped ? 'ok' : 'unavailable';
    response.status(status === 'ok' ? 200 : 503);
    return { status, eventStore, projections };
  }
}
