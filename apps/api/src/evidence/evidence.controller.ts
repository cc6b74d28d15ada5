import type { Actor, CommandContext } from '@actionledger/command-handling';
import { NotFoundError } from '@actionledger/command-handling';
import {
  ACCEPTED_DESCRIPTION,
  BLOB_STORE,
  EvidenceCatalogue,
  isSha256,
  sha256Of,
  type BlobStore,
} from '@actionledger/evidence';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  GoneException,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import 'multer';
import { Allow, READERS } from '../auth/access.decorators';
import { RequestActor, RequestCommandContext } from '../http/request-context.decorator';
import { AttachEvidenceCommand } from './attach-evidence.command';
import { EvidenceRefusalsFilter } from './evidence-refusals.filter';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { AttachEvidenceRequest } from './evidence.requests';
import { utf8FileName } from './multipart-file-name';

/** Text is sent as UTF-8, which is what the checks accepted it as. */
const contentTypeOf = (mediaType: string) =>
  mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType;

@ApiTags('evidence')
@Controller('api')
@UseFilters(EvidenceRefusalsFilter)
export class EvidenceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly catalogue: EvidenceCatalogue,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post('actions/:id/evidence')
  @Allow('lead', 'owner')
  @HttpCode(201)
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'the version last read; a stale one gets 409',
  })
  @ApiBody({
    description: `one or more files in the multipart field "${EVIDENCE_FIELD}" (${ACCEPTED_DESCRIPTION}), and an optional note`,
    schema: {
      type: 'object',
      properties: {
        [EVIDENCE_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } },
        note: { type: 'string' },
      },
      required: [EVIDENCE_FIELD],
    },
  })
  @ApiCreatedResponse({
    description: '{id, position, version, files: [{fileName, mediaType, size, sha256}]}',
  })
  @ApiNotFoundResponse({ description: 'no such action' })
  attach(
    @Param('id') actionId: string,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Body() body: AttachEvidenceRequest,
    @RequestCommandContext() context: CommandContext,
  ) {
    const uploads = (files ?? []).map((file) => ({
      fileName: utf8FileName(file.originalname),
      bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
    }));
    return this.commandBus.execute(new AttachEvidenceCommand(actionId, uploads, body?.note, context));
  }

  @Get('evidence/:sha256')
  @Allow(...READERS)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'the file as attached, with its original name and type, to save (never to open in place)',
  })
  @ApiNotFoundResponse({ description: 'no file of that hash is attached to an action of your organisation' })
  async download(
    @Param('sha256') sha256: string,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ): Promise<void> {
    if (!isSha256(sha256)) {
      const message = 'sha256 must be 64 lowercase hexadecimal digits';
      throw new BadRequestException({ message: 'Invalid request: sha256.', fields: { sha256: [message] } });
    }
    const attachment = await this.catalogue.attachmentFor(sha256, actor.organisationId);
    if (!attachment) throw new NotFoundError('evidence', sha256);
    const bytes = await this.blobs.get(sha256);
    // Never hand out something other than what was attached: the hash in the log is the promise.
    if (!bytes || sha256Of(bytes) !== sha256) {
      throw new GoneException(
        `The file "${attachment.fileName}" is ${bytes ? 'no longer the one attached (it was altered)' : 'missing from the evidence store'}; ` +
          'the operator can see which with `actionledger audit verify --evidence`.',
      );
    }
    response
      .attachment(attachment.fileName)
      .type(contentTypeOf(attachment.mediaType))
      .set({
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-cache',
        ETag: `"${sha256}"`,
      })
      .send(bytes);
  }
}
