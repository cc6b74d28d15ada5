import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { ProjectionRunner } from '@actionledger/projections';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';

/** The worker's only routes: what a process supervisor or a load balancer asks. */
@Controller()
export class WorkerHealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  /**
   * 200 while the event store answers and some process (this one or another) projects; 503 otherwise. Says
   * which runner holds the lease and how far behind each projection and process manager is.
   */
  @Get('health')
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
    return { status, eventStore, projections, projecting: this.runner.isProjecting };
  }

  /** 200 once the worker runs: it has started and competes for the lease (it may be the stand-by). */
  @Get('ready')
  ready() {
    return { status: 'ready', runnerId: this.runner.runnerId, projecting: this.runner.isProjecting };
  }
}
