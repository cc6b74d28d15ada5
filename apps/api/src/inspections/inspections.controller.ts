import { inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { setVersion } from '../http/etag';
import { RequestCommandContext } from '../http/request-context.decorator';
import { RecordInspectionCommand } from './record-inspection.command';
import { RecordInspectionRequest } from './record-inspection.request';
import { CommandContext, AggregateLoader, NotFoundError } from '@actionledger/command-handling';

@ApiTags('inspections')
@Controller('api/inspections')
export class InspectionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  @Post()
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

  @Get(':id')
  @ApiNotFoundResponse()
  async get(@Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const { state, version } = await this.loader.loadExisting(
      inspectionStreamId(id),
      inspectionDecider,
      () => new NotFoundError('inspection', id),
    );
    setVersion(response, version);
    const { status: _status, inspectionId, ...details } = state;
    return { id: inspectionId, ...details, version };
  }
}
