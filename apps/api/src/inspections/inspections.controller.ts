import { inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { Allow, READERS } from '../auth/access.decorators';
import { ReasonRequest } from '../findings/correct-finding.requests';
import { RecordInspectionCommand } from './record-inspection.command';
import { WithdrawInspectionCommand } from './withdraw-inspection.command';
import { RecordInspectionRequest } from './record-inspection.request';
import { CommandContext, AggregateLoader, NotFoundError, type Actor } from '@actionledger/command-handling';

@ApiTags('inspections')
@Controller('api/inspections')
export class InspectionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  @Post()
  @Allow('lead')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: '{id, position}: the new inspection and the log position it was written at',
  })
  async record(@Body() body: RecordInspectionRequest, @RequestCommandContext() context: CommandContext) {
    const details = {
      authority: body.authority.trim(),
      inspectionType: body.inspectionType,
      inspectionDates: body.inspectionDates,
      letterDate: body.letterDate ?? null,
      inspector: body.inspector?.trim() ?? null,
      overallJudgement: body.overallJudgement ?? null,
    };
    const { id, position } = await this.commandBus.execute(new RecordInspectionCommand(details, context));
    return { id, position };
  }

  @Post(':id/withdraw')
  @Allow('lead')
  @HttpCode(200)
  @ApiNotFoundResponse()
  withdraw(
    @Param('id') id: string,
    @Body() body: ReasonRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.commandBus.execute(new WithdrawInspectionCommand(id, body.reason, context));
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiNotFoundResponse()
  async get(
    @Param('id') id: string,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.loader.loadVisible(
      inspectionStreamId(id),
      inspectionDecider,
      actor,
      () => new NotFoundError('inspection', id),
    );
    setVersion(response, version);
    const { inspectionId, ...details } = state;
    return { id: inspectionId, ...details, version };
  }
}
