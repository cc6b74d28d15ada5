import { findingDecider, findingStreamId } from '@actionledger/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { Allow, READERS } from '../auth/access.decorators';
import { CorrectFindingCommand } from './correct-finding.command';
import { AmendFindingRequest, ReasonRequest } from './correct-finding.requests';
import { RaiseFindingCommand } from './raise-finding.command';
import { RaiseFindingRequest } from './raise-finding.request';
import { CommandContext, AggregateLoader, NotFoundError, type Actor } from '@actionledger/command-handling';

@ApiTags('findings')
@Controller('api')
export class FindingsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  @Post('inspections/:inspectionId/findings')
  @Allow('lead')
  @HttpCode(201)
  @ApiCreatedResponse({ description: '{id, position}' })
  @ApiNotFoundResponse({ description: 'no such inspection' })
  async raise(
    @Param('inspectionId') inspectionId: string,
    @Body() body: RaiseFindingRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const finding = { category: body.category, timescale: body.timescale ?? 'none', text: body.text };
    const { id, position } = await this.commandBus.execute(
      new RaiseFindingCommand(inspectionId, finding, context),
    );
    return { id, position };
  }

  @Post('findings/:id/amend')
  @Allow('lead')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'no such finding' })
  amend(
    @Param('id') id: string,
    @Body() body: AmendFindingRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const { reason, ...changes } = body;
    return this.commandBus.execute(
      new CorrectFindingCommand(id, { type: 'AmendFinding', data: { changes, reason } }, context),
    );
  }

  @Post('findings/:id/reopen')
  @Allow('lead')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'no such finding' })
  reopen(
    @Param('id') id: string,
    @Body() body: ReasonRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.commandBus.execute(
      new CorrectFindingCommand(id, { type: 'ReopenFinding', data: { reason: body.reason } }, context),
    );
  }

  @Get('findings/:id')
  @Allow(...READERS)
  @ApiNotFoundResponse()
  async get(
    @Param('id') id: string,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.loader.loadVisible(
      findingStreamId(id),
      findingDecider,
      actor,
      () => new NotFoundError('finding', id),
    );
    setVersion(response, version);
    const { findingId, ...finding } = state;
    return { id: findingId, ...finding, version };
  }
}
