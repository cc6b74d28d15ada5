import {
  AggregateLoader,
  NotFoundError,
  type Actor,
  type CommandContext,
} from '@actionledger/command-handling';
import { planImportDecider, planImportStreamId, type PlanImportTarget } from '@actionledger/domain';
import { MAX_SHEET_BYTES } from '@actionledger/spreadsheets';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import 'multer';
import { Allow } from '../auth/access.decorators';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { ConfirmPlanImportCommand } from './confirm-plan-import.command';
import { EditPlanImportCommand } from './edit-plan-import.command';
import { ImportPlanCommand } from './import-plan.command';
import { EditPlanImportRequest, ImportPlanRequest } from './plan-import.requests';
import { planImportView } from './plan-import.view';

/** Multer reads a multipart file name as Latin-1; browsers and curl send UTF-8. */
function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

function targetOf(body: ImportPlanRequest): PlanImportTarget {
  const {
    inspectionId,
    authority,
    inspectionType,
    inspectionDates,
    letterDate,
    inspector,
    overallJudgement,
  } = body;
  if (inspectionId) return { inspectionId };
  const missing = [
    !authority && 'authority',
    !inspectionType && 'inspectionType',
    !inspectionDates?.length && 'inspectionDates',
  ].filter((field): field is string => typeof field === 'string');
  if (missing.length > 0) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `Name the inspection the plan is for (inspectionId), or describe a new one: ${missing.join(', ')} missing.`,
      fields: Object.fromEntries(
        missing.map((field) => [field, [`${field} is required without inspectionId`]]),
      ),
    });
  }
  return {
    newInspection: {
      authority: authority!.trim(),
      inspectionType: inspectionType!,
      inspectionDates: inspectionDates!,
      letterDate: letterDate ?? null,
      inspector: inspector ?? null,
      overallJudgement: overallJudgement ?? null,
    },
  };
}

@ApiTags('plan import')
@Controller('api/plans')
export class PlanImportsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  @Post('import')
  @Allow('lead')
  @HttpCode(201)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SHEET_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'an .xlsx or .csv file in the field "file", with inspectionId or a new inspection described',
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        inspectionId: { type: 'string' },
        authority: { type: 'string' },
        inspectionType: { type: 'string' },
        inspectionDates: { type: 'string', example: '2012-01-10,2012-01-11' },
        letterDate: { type: 'string' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'the draft to review, correct and confirm' })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportPlanRequest,
    @Res({ passthrough: true }) response: Response,
    @RequestCommandContext() context: CommandContext,
  ) {
    if (!file) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Send the plan as an .xlsx or .csv file in the multipart field "file".',
        fields: { file: ['file is required'] },
      });
    }
    const upload = { bytes: new Uint8Array(file.buffer), fileName: utf8FileName(file.originalname) };
    const { id, position, alreadyImported } = await this.commandBus.execute(
      new ImportPlanCommand(upload, targetOf(body), context),
    );
    const draft = await this.draftView(id, context.actor, response);
    if (!alreadyImported) return { ...draft, position };
    response.status(200);
    return {
      ...draft,
      alreadyImported: true,
      message: 'This file was imported before; here is its draft, not a second one.',
    };
  }

  @Get('imports/:id')
  @Allow('lead', 'board')
  @ApiNotFoundResponse()
  get(@Param('id') id: string, @RequestActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    return this.draftView(id, actor, response);
  }

  @Patch('imports/:id')
  @Allow('lead')
  @ApiNotFoundResponse()
  edit(
    @Param('id') id: string,
    @Body() body: EditPlanImportRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.commandBus.execute(new EditPlanImportCommand(id, body, context));
  }

  @Post('imports/:id/confirm')
  @Allow('lead')
  @HttpCode(200)
  @ApiNotFoundResponse()
  confirm(@Param('id') id: string, @RequestCommandContext() context: CommandContext) {
    return this.commandBus.execute(new ConfirmPlanImportCommand(id, context));
  }

  private async draftView(id: string, actor: Actor, response: Response) {
    const { state, version } = await this.loader.loadVisible(
      planImportStreamId(id),
      planImportDecider,
      actor,
      () => new NotFoundError('plan import', id),
    );
    setVersion(response, version);
    return planImportView(state, version);
  }
}
