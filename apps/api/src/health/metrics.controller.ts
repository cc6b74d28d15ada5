import { ActionLedgerMetrics } from '@actionledger/operations';
import { ProjectionRunner } from '@actionledger/projections';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';

/** Prometheus' scrape: commands, appends, HTTP latency, projection lag, the reminders' queue. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ActionLedgerMetrics,
    runner: ProjectionRunner,
  ) {
    metrics.watch({ projectionLag: async () => (await runner.status()).consumers });
  }

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    response.type(contentType).send(body);
  }
}
