import { followUpDecider, followUpStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import {
  getFollowUp,
  InvalidQueryError,
  ProjectionRunner,
  type ReadModelContext,
} from '@actionledger/projections';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AggregateLoader,
  NotFoundError,
  type Actor,
  type CommandContext,
} from '@actionledger/command-handling';
import { Allow, READERS } from '../auth/access.decorators';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { READ_MODELS } from '../read-models/read-models.providers';
import { JudgeFindingRequest, ScheduleFollowUpRequest } from './follow-up.requests';
import { JudgeFindingAtFollowUpCommand } from './judge-finding-at-follow-up.command';
import { ScheduleFollowUpCommand } from './schedule-follow-up.command';

/** Follow-up inspections: the next inspection, and what it judged of the findings of the one it follows. */
@ApiTags('follow-ups')
@ApiNotFoundResponse({ description: 'no such follow-up, inspection or finding in your organisation' })
@Controller('api/follow-ups')
export class FollowUpsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly context: ReadModelContext,
    private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @Allow('lead')
  @HttpCode(201)
  @ApiCreatedResponse({ description: '{id, position}' })
  @ApiConflictResponse({ description: 'the inspection it follows was withdrawn' })
  async schedule(@Body() body: ScheduleFollowUpRequest, @RequestCommandContext() context: CommandContext) {
    const { id, position } = await this.commandBus.execute(
      new ScheduleFollowUpCommand(body.expectedDate, body.followsInspectionId, context),
    );
    return { id, position };
  }

  @Post(':id/judgements')
  @Allow('lead')
  @HttpCode(200)
  @ApiOkResponse({ description: '{id, position, version}' })
  @ApiConflictResponse({
    description: 'the finding was not raised by the inspection followed, or is already judged so',
  })
  judge(
    @Param('id') id: string,
    @Body() body: JudgeFindingRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.commandBus.execute(
      new JudgeFindingAtFollowUpCommand(id, body.findingId, body.judgement, body.note ?? null, context),
    );
  }

  /**
   * The follow-up with the findings it will look at, their actions' state, the judgements and its readiness.
   * It waits (bounded) until the read models hold the follow-up's own last event, and `?after=` if given.
   */
  @Get(':id')
  @Allow(...READERS)
  @ApiOkResponse({ description: 'as an item of GET /api/follow-ups, with its version (ETag)' })
  @ApiQuery({ name: 'after', required: false, description: 'a log position a write answered with' })
  async get(
    @Param('id') id: string,
    @Query('after') after: unknown,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (after !== undefined && (typeof after !== 'string' || !/^\d{1,19}$/.test(after))) {
      throw new InvalidQueryError('after', 'must be a log position, as a write answered with.');
    }
    const streamId = followUpStreamId(id);
    const { version } = await this.loader.loadVisible(
      streamId,
      followUpDecider,
      actor,
      () => new NotFoundError('follow-up', id),
    );
    const own = (await this.store.readStream(streamId)).pop()!.position;
    const wanted = after === undefined ? own : [own, BigInt(after)].reduce((a, b) => (a > b ? a : b));
    await this.runner.waitFor(wanted);
    const view = await getFollowUp(this.context, actor.organisationId!, id);
    if (!view) throw new NotFoundError('follow-up', id);
    setVersion(response, version);
    return { ...view, version };
  }
}
