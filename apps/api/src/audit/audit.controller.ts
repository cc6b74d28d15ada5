import type { Actor } from '@actionledger/command-handling';
import { BadRequestException, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../auth/access.decorators';
import { RequestActor } from '../http/request-context.decorator';
import { AuditQuery } from './audit.request';
import { AuditTrail } from './audit-trail';
import { sendTrailCsv, wantsCsv } from './csv-response';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  /** The trail: who did what, when and why, oldest first; `Accept: text/csv` for a board pack. */
  @Get()
  @Allow('lead', 'board')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'the steps, oldest first: who (name, role), when, what changed, why, hash' })
  async entries(
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
    const entries = await this.trail.entries(actor.organisationId, {
      ...(query.stream && { streams: [query.stream] }),
      from: query.from,
      to: query.to,
    });
    if (wantsCsv(request)) return sendTrailCsv(response, entries, 'audit-trail.csv');
    return entries;
  }
}
