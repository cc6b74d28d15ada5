import { UserDirectory } from '@actionledger/auth';
import type { Actor } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@actionledger/event-store';
import { BadRequestException, Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { RequestActor } from '../http/request-context.decorator';
import { AuditQuery } from './audit.request';
import { sendTrailCsv, wantsCsv } from './csv-response';
import { trailEntryOf, type TrailEntry } from './trail-entry';

const PAGE = 1000;

/** Events of the caller's organisation: made by its people (or by processes for it), or about its records. */
function belongsTo(event: StoredEvent, organisationId: string | null): boolean {
  return (
    event.metadata.actor.organisationId === organisationId ||
    (event.data as { organisationId?: unknown }).organisationId === organisationId
  );
}

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: UserDirectory,
  ) {}

  /** The trail: who did what, when and why, oldest first; `Accept: text/csv` for a board pack. */
  @Get()
  @Allow('lead', 'board')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'the steps, oldest first: who (name, role), when, what changed, why, hash' })
  async trail(
    @Query() query: AuditQuery,
    @RequestActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (query.from && query.to && query.from > query.to) {
      throw new BadRequestException({
        message: 'Invalid request: from.',
        fields: { from: ['from must not be after to'] },
      });
    }
    const events = (query.stream ? await this.store.readStream(query.stream) : await this.readAll()).filter(
      (event) =>
        belongsTo(event, actor.organisationId) &&
        (!query.from || event.metadata.occurredAt.slice(0, 10) >= query.from) &&
        (!query.to || event.metadata.occurredAt.slice(0, 10) <= query.to),
    );
    await this.directory.catchUp();
    const entries: TrailEntry[] = events.map((event) =>
      trailEntryOf(event, (userId) => this.directory.displayName(userId)),
    );
    if (wantsCsv(request)) return sendTrailCsv(response, entries, 'audit-trail.csv');
    return entries;
  }

  private async readAll(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (let after = 0n; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      events.push(...page);
      if (page.length < PAGE) return events;
      after = page[page.length - 1].position;
    }
  }
}
