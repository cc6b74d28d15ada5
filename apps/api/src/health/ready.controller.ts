import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { checkReadiness, OPERATIONS_SETTINGS, ShutdownState } from '@actionledger/operations';
import { ProjectionRunner } from '@actionledger/projections';
import type { OperationsSettings } from '@actionledger/settings';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Redis } from 'ioredis';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { REDIS } from '../read-models/read-models.providers';

/** For a load balancer: 200 when this API should be sent requests, else 503 naming what is not ready. */
@ApiExcludeController()
@Public()
@Controller('ready')
export class ReadyController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly runner: ProjectionRunner,
    private readonly shutdown: ShutdownState,
    @Inject(OPERATIONS_SETTINGS) private readonly settings: OperationsSettings,
  ) {}

  @Get()
  async ready(@Res({ passthrough: true }) response: Response) {
    const readiness = await checkReadiness({
      store: this.store,
      redis: this.redis,
      runner: this.runner,
      maxLag: this.settings.readyMaxLag,
      shuttingDown: this.shutdown.shuttingDown,
    });
    response.status(readiness.status === 'ready' ? 200 : 503);
    return readiness;
  }
}
