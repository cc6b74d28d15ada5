import type { Actor } from '@actionledger/command-handling';
import { NotFoundError } from '@actionledger/command-handling';
import {
  dueSoonReport,
  getInspectionPlan,
  InvalidQueryError,
  listActions,
  listFollowUps,
  listInspections,
  overdueReport,
  ownerActions,
  ProjectionRunner,
  type ReadModelContext,
} from '@actionledger/projections';
import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, READERS } from '../auth/access.decorators';
import { RequestActor } from '../http/request-context.decorator';
import { READ_MODELS } from './read-models.providers';
import { PlanExportService, type PlanExportFormat } from '../plan-import/plan-export.service';

type RawQuery = Record<string, unknown>;

/**
 * The questions the product exists to answer, from the read models in Redis, for the caller's organisation only.
 * `?after=<position>` (a position a command answered with) waits until the read models have passed it.
 */
@ApiTags('read models')
@ApiQuery({
  name: 'after',
  required: false,
  description: 'a log position a write answered with: read your writes',
})
@ApiServiceUnavailableResponse({
  description: 'the read models are rebuilding or behind `after`: Retry-After',
})
@Controller('api')
export class ReadModelsController {
  constructor(
    @Inject(READ_MODELS) private readonly context: ReadModelContext,
    private readonly runner: ProjectionRunner,
    private readonly exports: PlanExportService,
  ) {}

  @Get('inspections')
  @Allow(...READERS)
  @ApiOkResponse({
    description: 'inspections newest first, with counts by status and their plan’s RAG status',
  })
  async inspections(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return listInspections(this.context, actor.organisationId!, query);
  }

  @Get('inspections/:id/plan')
  @Allow(...READERS)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'xlsx', 'csv'] })
  @ApiProduces(
    'application/json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv',
  )
  @ApiOkResponse({
    description:
      'the plan: findings with their actions, shares, RAG and its rule, deadline; ?format=xlsx or csv: the plan as a spreadsheet the import reads back',
  })
  async plan(
    @Param('id') id: string,
    @Query() query: RawQuery,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const format = planFormat(query);
    await this.readYourWrites(query);
    if (format !== 'json') {
      const file = await this.exports.export(actor.organisationId!, id, format);
      if (!file) throw new NotFoundError('inspection', id);
      response.setHeader('Content-Type', file.mediaType);
      response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return new StreamableFile(file.bytes);
    }
    const plan = await getInspectionPlan(this.context, actor.organisationId!, id);
    if (!plan) throw new NotFoundError('inspection', id);
    return plan;
  }

  @Get('actions')
  @Allow(...READERS)
  async actions(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return listActions(this.context, actor.organisationId!, query);
  }

  @Get('reports/overdue')
  @Allow(...READERS)
  async overdue(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return overdueReport(this.context, actor.organisationId!, query);
  }

  @Get('reports/due-soon')
  @Allow(...READERS)
  async dueSoon(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return dueSoonReport(this.context, actor.organisationId!, query);
  }

  @Get('owners/:ownerId/actions')
  @Allow(...READERS)
  async ownersActions(
    @Param('ownerId') ownerId: string,
    @Query() query: RawQuery,
    @RequestActor() actor: Actor,
  ) {
    await this.readYourWrites(query);
    return ownerActions(this.context, actor.organisationId!, ownerId, query);
  }

  @Get('me/actions')
  @Allow('owner', 'lead', 'board')
  async myActions(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return ownerActions(this.context, actor.organisationId!, actor.userId, query);
  }

  @Get('follow-ups')
  @Allow(...READERS)
  async followUps(@Query() query: RawQuery, @RequestActor() actor: Actor) {
    await this.readYourWrites(query);
    return listFollowUps(this.context, actor.organisationId!, query);
  }

  private async readYourWrites(query: RawQuery): Promise<void> {
    const { after } = query;
    delete query.after;
    if (after === undefined) return;
    if (typeof after !== 'string' || !/^\d{1,19}$/.test(after)) {
      throw new InvalidQueryError('after', 'must be a log position, as a write answered with.');
    }
    await this.runner.waitFor(BigInt(after));
  }
}

function planFormat(query: RawQuery): PlanExportFormat | 'json' {
  const { format = 'json' } = query;
  delete query.format;
  if (format === 'json' || format === 'xlsx' || format === 'csv') return format;
  throw new InvalidQueryError('format', 'must be json, xlsx or csv.');
}
