import {
  AggregateLoader,
  NotFoundError,
  type Actor,
  type CommandContext,
} from '@actionledger/command-handling';
import { DomainRuleViolation, letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import { LetterInputError, MAX_LETTER_BYTES } from '@actionledger/letters';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import 'multer';
import { Allow } from '../../auth/access.decorators';
import type { AuthenticatedRequest } from '../../auth/bearer-auth.guard';
import { commandContextOf, RequestActor } from '../../http/request-context.decorator';
import { ConfirmLetterDraftCommand } from '../../letters/confirm-letter-draft.command';
import { EditLetterDraftCommand } from '../../letters/edit-letter-draft.command';
import { ImportLetterCommand, type LetterUpload } from '../../letters/import-letter.command';
import { utf8FileName } from '../../evidence/multipart-file-name';
import { renderPage } from '../rendering/render-page';
import { WebPages } from '../rendering/web-page.decorator';
import type { FieldError } from '../sign-in/sign-in.view-model';
import { LetterTooLargePageFilter } from './letter-too-large-page.filter';
import { reviewChanges, reviewFormFromBody } from './letter-review.form';
import { letterReviewViewModel, newLetterViewModel, type LetterDraft } from './letter-review.view-model';

const NEW = 'letters/letter-new.njk';
const REVIEW = 'letters/letter-review.njk';
const ALREADY_IMPORTED = 'This document was imported before: here is its draft, not a second one.';

/** Letter import for leads: upload or paste (`/letters/new`), review and correct (`/letters/:id`), confirm. */
@WebPages()
@Controller('letters')
export class LetterPagesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly loader: AggregateLoader,
  ) {}

  @Get('new')
  @Allow('lead')
  page(@Res() response: Response) {
    return renderPage(response, NEW, newLetterViewModel());
  }

  /** Multipart, so the CSRF token rides in the form's action (`?_csrf=`): the guard runs before the parser. */
  @Post()
  @Allow('lead')
  @UseFilters(LetterTooLargePageFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_LETTER_BYTES, files: 1 } }))
  async import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    const pasted = typeof body?.text === 'string' ? body.text.trim() : '';
    const chosen = file && (file.size > 0 || file.originalname !== '') ? file : undefined;
    const upload: LetterUpload | null = chosen
      ? {
          bytes: new Uint8Array(chosen.buffer),
          fileName: utf8FileName(chosen.originalname),
          mediaType: chosen.mimetype,
        }
      : pasted
        ? { bytes: Buffer.from(pasted, 'utf8'), fileName: 'pasted.txt', mediaType: 'text/plain' }
        : null;
    const field = chosen ? 'file' : 'text';
    if (!upload)
      return this.refuseImport(response, pasted, {
        field: 'file',
        text: 'Choose a letter file, or paste the letter’s text',
      });
    try {
      const { id, alreadyImported } = await this.commandBus.execute(
        new ImportLetterCommand(upload, commandContextOf(request)),
      );
      return response.redirect(303, `/letters/${id}${alreadyImported ? '?again=1' : ''}`);
    } catch (error) {
      if (!(error instanceof LetterInputError)) throw error;
      return this.refuseImport(response, pasted, { field, text: error.message });
    }
  }

  @Get(':id')
  @Allow('lead')
  async review(
    @Param('id') id: string,
    @Query('again') again: unknown,
    @RequestActor() actor: Actor,
    @Res() response: Response,
  ) {
    const { draft, version } = await this.draft(id, actor);
    return renderPage(
      response,
      REVIEW,
      letterReviewViewModel({ draft, version, notice: again ? ALREADY_IMPORTED : null }),
    );
  }

  /** The corrections, through the same edit command as `PATCH /api/letters/:id`, on the version the form showed. */
  @Post(':id')
  @Allow('lead')
  async correct(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    const { draft, version } = await this.draft(id, request.actor!);
    const form = reviewFormFromBody(body, draft.proposal.findings.length);
    const { changes, errors } = reviewChanges(form, draft.proposal);
    const again = (status: number, shown: FieldError[]) =>
      renderPage(response, REVIEW, letterReviewViewModel({ draft, version, form, errors: shown }), status);
    if (errors.length > 0) return again(400, errors);
    try {
      await this.commandBus.execute(new EditLetterDraftCommand(id, changes, this.onVersion(request, body)));
    } catch (error) {
      const refusal = this.refusal(error);
      if (!refusal) throw error;
      return again(409, [refusal]);
    }
    return response.redirect(303, `/letters/${id}`);
  }

  @Post(':id/confirm')
  @Allow('lead')
  async confirm(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ) {
    const { draft, version } = await this.draft(id, request.actor!);
    try {
      const result = await this.commandBus.execute(
        new ConfirmLetterDraftCommand(id, this.onVersion(request, body)),
      );
      return response.redirect(303, `/inspections/${result.inspectionId}?after=${result.position}`);
    } catch (error) {
      const refusal = this.refusal(error);
      if (!refusal) throw error;
      return renderPage(response, REVIEW, letterReviewViewModel({ draft, version, errors: [refusal] }), 409);
    }
  }

  private refuseImport(response: Response, text: string, error: FieldError) {
    return renderPage(response, NEW, newLetterViewModel(text, [error]), 400);
  }

  /** The form's version, so that a change someone made since the page was shown is not silently overwritten. */
  private onVersion(request: AuthenticatedRequest, body: Record<string, unknown>): CommandContext {
    const version =
      typeof body.version === 'string' && /^\d+$/.test(body.version) ? Number(body.version) : undefined;
    return { ...commandContextOf(request), expectedVersion: version };
  }

  private refusal(error: unknown): FieldError | null {
    if (error instanceof WrongExpectedRevisionError) {
      return {
        field: 'authority',
        text: 'Someone changed this draft after you opened it, so nothing was saved: check it again below',
      };
    }
    if (error instanceof DomainRuleViolation) return { field: 'authority', text: error.message };
    return null;
  }

  private async draft(id: string, actor: Actor): Promise<{ draft: LetterDraft; version: number }> {
    const { state, version } = await this.loader.loadVisible(
      letterDraftStreamId(id),
      letterDraftDecider,
      actor,
      () => new NotFoundError('letter draft', id),
    );
    return { draft: state, version };
  }
}
