import { randomUUID } from 'node:crypto';
import { actionStreamId, evolveAction, initialActionState } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UserDirectory } from '@actionledger/auth';
import { sendTrailCsv, wantsCsv } from '../audit/csv-response';
import { trailEntryOf, type TrailEntry } from '../audit/trail-entry';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { Allow, READERS } from '../auth/access.decorators';
import { ReasonRequest } from '../findings/correct-finding.requests';
import {
  AmendActionRequest,
  AssignActionRequest,
  CompleteActionRequest,
  PlanActionRequest,
  RecordProgressRequest,
  ReopenActionRequest,
  RescheduleActionRequest,
  VerifyActionRequest,
} from './action.requests';
import { ExecuteActionCommand, type ActionCommandInput } from './execute-action.command';
import {
  CommandContext,
  deterministicId,
  AggregateLoader,
  NotFoundError,
  type Actor,
} from '@actionledger/command-handling';

/** Who (name and role), what changed and why (and the file, for evidence), beside the event as stored. */
const pickForPeople = ({ who, changes, why, evidence }: TrailEntry) => ({
  who,
  changes,
  why,
  ...(evidence && { evidence }),
});

const actionAggregate = { evolve: evolveAction, initialState: initialActionState };

@ApiTags('actions')
@ApiHeader({ name: 'If-Match', required: false, description: 'the version last read; a stale one gets 409' })
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'a retry with the same key appends nothing',
})
@ApiNotFoundResponse({ description: 'no such action or finding' })
@ApiConflictResponse({ description: 'a stale If-Match, or a transition the action does not allow' })
@Controller('api')
export class ActionsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly loader: AggregateLoader,
    private readonly directory: UserDirectory,
  ) {}

  @Post('findings/:findingId/actions')
  @Allow('lead')
  @HttpCode(201)
  @ApiCreatedResponse({ description: '{id, position}' })
  async plan(
    @Param('findingId') findingId: string,
    @Body() body: PlanActionRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const actionId = context.idempotencyKey
      ? deterministicId('action', findingId, context.actor.userId, context.idempotencyKey)
      : randomUUID();
    const input: ActionCommandInput = { type: 'PlanAction', data: body };
    const { id, position } = await this.commandBus.execute(
      new ExecuteActionCommand(actionId, input, context, findingId),
    );
    return { id, position };
  }

  @Post('actions/:id/assign')
  @Allow('lead')
  @HttpCode(200)
  assign(
    @Param('id') id: string,
    @Body() body: AssignActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'AssignAction', data: body }, ctx);
  }

  @Post('actions/:id/reassign')
  @Allow('lead')
  @HttpCode(200)
  reassign(
    @Param('id') id: string,
    @Body() body: AssignActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'ReassignAction', data: body }, ctx);
  }

  @Post('actions/:id/reschedule')
  @Allow('lead')
  @HttpCode(200)
  reschedule(
    @Param('id') id: string,
    @Body() body: RescheduleActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'RescheduleAction', data: body }, ctx);
  }

  @Post('actions/:id/progress')
  @Allow('lead', 'owner')
  @HttpCode(200)
  progress(
    @Param('id') id: string,
    @Body() body: RecordProgressRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'RecordProgress', data: body }, ctx);
  }

  @Post('actions/:id/complete')
  @Allow('lead', 'owner')
  @HttpCode(200)
  complete(
    @Param('id') id: string,
    @Body() body: CompleteActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'CompleteAction', data: body }, ctx);
  }

  @Post('actions/:id/verify')
  @Allow('lead')
  @HttpCode(200)
  verify(
    @Param('id') id: string,
    @Body() body: VerifyActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'VerifyAction', data: body }, ctx);
  }

  @Post('actions/:id/reopen')
  @Allow('lead')
  @HttpCode(200)
  reopen(
    @Param('id') id: string,
    @Body() body: ReopenActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'ReopenAction', data: body }, ctx);
  }

  @Post('actions/:id/withdraw')
  @Allow('lead')
  @HttpCode(200)
  withdraw(
    @Param('id') id: string,
    @Body() body: ReasonRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'WithdrawAction', data: body }, ctx);
  }

  @Patch('actions/:id')
  @Allow('lead')
  amend(
    @Param('id') id: string,
    @Body() body: AmendActionRequest,
    @RequestCommandContext() ctx: CommandContext,
  ) {
    return this.execute(id, { type: 'AmendAction', data: body }, ctx);
  }

  @Get('actions/:id')
  @Allow(...READERS)
  @ApiOkResponse({ description: "the action's state; its version is the ETag" })
  async get(
    @Param('id') id: string,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.load(id, actor);
    setVersion(response, version);
    const { actionId, ...action } = state;
    return { id: actionId, ...action, version };
  }

  @Get('actions/:id/history')
  @Allow(...READERS)
  @ApiOkResponse({ description: 'its events, oldest first, with their metadata' })
  @ApiProduces('application/json', 'text/csv')
  async history(
    @Param('id') id: string,
    @RequestActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.load(id, actor);
    const events = await this.store.readStream(actionStreamId(id));
    await this.directory.catchUp();
    const nameOf = (userId: string) => this.directory.displayName(userId);
    if (wantsCsv(request)) {
      return sendTrailCsv(
        response,
        events.map((event) => trailEntryOf(event, nameOf)),
        `action-${id}-history.csv`,
      );
    }
    return events.map((event) => ({
      ...pickForPeople(trailEntryOf(event, nameOf)),
      id: event.id,
      type: event.type,
      version: event.revision,
      position: Number(event.position),
      recordedAt: event.recordedAt,
      data: event.data,
      metadata: event.metadata,
    }));
  }

  private load(id: string, actor: Actor) {
    return this.loader.loadVisible(
      actionStreamId(id),
      actionAggregate,
      actor,
      () => new NotFoundError('action', id),
    );
  }

  private async execute(
    actionId: string,
    input: ActionCommandInput,
    context: CommandContext,
  ): Promise<{ id: string; position: number; version: number }> {
    return this.commandBus.execute(new ExecuteActionCommand(actionId, input, context));
  }
}
