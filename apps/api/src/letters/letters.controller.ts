import {
  letterDraftDecider,
  letterDraftStreamId,
  type LetterProposal,
  type PlanDeadline,
} from '@actionledger/domain';
import { MAX_LETTER_BYTES } from '@actionledger/letters';
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
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import 'multer';
import { setVersion } from '../http/etag';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { Allow } from '../auth/access.decorators';
import { ConfirmLetterDraftCommand } from './confirm-letter-draft.command';
import { EditLetterDraftCommand } from './edit-letter-draft.command';
import { ImportLetterCommand, type LetterUpload } from './import-letter.command';
import {
  ConfirmLetterDraftRequest,
  EditLetterDraftRequest,
  ImportLetterTextRequest,
  PlanDeadlineRequest,
} from './letter.requests';
import { InspectionIdentities } from './inspection-identities';
import { LetterTooLargeFilter } from './letter-too-large.filter';
import { CommandContext, AggregateLoader, NotFoundError, type Actor } from '@actionledger/command-handling';

/** Multer reads a multipart file name as Latin-1; browsers and curl send UTF-8, so "Café.pdf" would be mangled. */
function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/** Shows the lead where each proposed value came from: the span and the words it covers. */
function withExcerpts(proposal: LetterProposal, text: string) {
  const excerpt = (source: { start: number; end: number } | null) =>
    source ? text.slice(source.start, source.end) : null;
  return {
    ...proposal,
    findings: proposal.findings.map((finding) => ({ ...finding, excerpt: excerpt(finding.source) })),
    actionsTaken: proposal.actionsTaken.map((action) => ({ ...action, excerpt: excerpt(action.source) })),
  };
}

@ApiTags('letters')
@Controller('api/letters')
export class LettersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly identities: InspectionIdentities,
  ) {}

  @Post()
  @Allow('lead')
  @HttpCode(201)
  @UseFilters(LetterTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_LETTER_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    description: 'a .txt, .md or .pdf file in the multipart field "file", or JSON {text, fileName?}',
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, text: { type: 'string' } },
    },
  })
  @ApiCreatedResponse({
    description: 'the draft to review, edit and confirm, with the log position it was written at',
  })
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res({ passthrough: true }) response: Response,
    @Body() body: ImportLetterTextRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const upload: LetterUpload | null = file
      ? {
          bytes: new Uint8Array(file.buffer),
          fileName: utf8FileName(file.originalname),
          mediaType: file.mimetype,
        }
      : typeof body?.text === 'string'
        ? {
            bytes: Buffer.from(body.text, 'utf8'),
            fileName: body.fileName ?? 'pasted.txt',
            mediaType: 'text/plain',
          }
        : null;
    if (!upload) {
      throw new BadRequestException(
        'Send the letter as a file in the multipart field "file", or as JSON {"text": "…"}.',
      );
    }
    const { id, position, alreadyImported } = await this.commandBus.execute(
      new ImportLetterCommand(upload, context),
    );
    const draft = await this.draftView(id, context.actor, response);
    if (!alreadyImported) {
      if (draft.possibleDuplicateOf === null) return { ...draft, position };
      const message = `Inspection ${draft.possibleDuplicateOf} of the same authority, type and dates is already recorded: this document may be a second one about it. Confirming this draft needs {"recordAlongside": "${draft.possibleDuplicateOf}"}.`;
      return { ...draft, position, message };
    }
    response.status(200);
    const message =
      draft.status === 'confirmed'
        ? 'This document was imported and confirmed before; here is its draft, which names the inspection it recorded.'
        : 'This document was imported before; here is its draft, not a second one.';
    return { ...draft, alreadyImported: true, message };
  }

  @Get(':id')
  @Allow('lead', 'board')
  @ApiNotFoundResponse()
  get(@Param('id') id: string, @RequestActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    return this.draftView(id, actor, response);
  }

  @Patch(':id')
  @Allow('lead')
  @ApiNotFoundResponse()
  async edit(
    @Param('id') id: string,
    @Body() body: EditLetterDraftRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const { findings, actionsTaken, planDeadline, ...fields } = body;
    const changes = {
      ...fields,
      ...(planDeadline !== undefined && { planDeadline: toPlanDeadline(planDeadline) }),
      ...(findings && {
        findings: findings.map((finding) => ({ ...finding, source: finding.source ?? null })),
      }),
      ...(actionsTaken && {
        actionsTaken: actionsTaken.map((action) => ({
          ...action,
          date: action.date ?? null,
          source: action.source ?? null,
        })),
      }),
    };
    return this.commandBus.execute(new EditLetterDraftCommand(id, changes, context));
  }

  @Post(':id/confirm')
  @Allow('lead')
  @HttpCode(200)
  @ApiNotFoundResponse()
  confirm(
    @Param('id') id: string,
    @Body() body: ConfirmLetterDraftRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    return this.commandBus.execute(new ConfirmLetterDraftCommand(id, context, body?.recordAlongside ?? null));
  }

  private async draftView(id: string, actor: Actor, response: Response) {
    const { state, version } = await this.loader.loadVisible(
      letterDraftStreamId(id),
      letterDraftDecider,
      actor,
      () => new NotFoundError('letter draft', id),
    );
    setVersion(response, version);
    const possibleDuplicateOf = await this.identities.possibleDuplicateOf(state);
    const { draftId, proposal, text, ...draft } = state;
    return {
      id: draftId,
      ...draft,
      possibleDuplicateOf,
      proposal: withExcerpts(proposal, text),
      text,
      version,
    };
  }
}

function toPlanDeadline(deadline: PlanDeadlineRequest | null): PlanDeadline | null {
  if (deadline === null) return null;
  return deadline.workingDays !== undefined
    ? { workingDays: deadline.workingDays }
    : { date: deadline.date! };
}
