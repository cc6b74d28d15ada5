import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import type { Response } from 'express';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** 200 while the event store answers, 503 when it does not. */
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const eventStore = await this.store.health().catch((error: Error) => ({
      status: 'down' as const,
      adapter: 'unknown',
      detail: error.message,
    }));
    const status = eventStore.status === 'up' ? 'ok' : 'unavailable';
    response.status(status === 'ok' ? 200 : 503);
    return { status, eventStore };
  }
}
