import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  ActionLedgerMetrics,
  checkReadiness,
  OPERATIONS_SETTINGS,
  ShutdownState,
} from '@actionledger/operations';
import { ProjectionRunner } from '@actionledger/projections';
import type { OperationsSettings } from '@actionledger/settings';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { WORKER_REDIS } from '../worker-core.module';

/** The worker's only routes: what a process supervisor, a load balancer or Prometheus asks. */
@Controller()
export class WorkerHealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    @Inject(WORKER_REDIS) private readonly redis: Redis,
    private readonly shutdown: ShutdownState,
    @Inject(OPERATIONS_SETTINGS) private readonly settings: OperationsSettings,
    private readonly metrics: ActionLedgerMetrics,
  ) {
    metrics.watch({ projectionLag: async () => (await runner.status()).consumers });
  }

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

  /**
   * 200 while the store and Redis answer, every projection is within READY_MAX_LAG of the log and the worker is
   * not shutting down (it may be the stand-by: `projecting` says); else 503 naming what is not ready.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const readiness = await checkReadiness({
      store: this.store,
      redis: this.redis,
      runner: this.runner,
      maxLag: this.settings.readyMaxLag,
      shuttingDown: this.shutdown.shuttingDown,
    });
    response.status(readiness.status === 'ready' ? 200 : 503);
    return { ...readiness, runnerId: this.runner.runnerId, projecting: this.runner.isProjecting };
  }

  /** Prometheus' scrape: projection lag, the reminders' queue and what this worker's jobs appended. */
  @Get('metrics')
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    response.type(contentType).send(body);
  }
}
