import { Catch, PayloadTooLargeException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { renderPage } from '../rendering/render-page';
import { newLetterViewModel } from './letter-review.view-model';

/** A file over the limit is stopped before it is read: the import page again, saying how large a letter may be. */
@Catch(PayloadTooLargeException)
export class LetterTooLargePageFilter implements ExceptionFilter {
  async catch(_: PayloadTooLargeException, host: ArgumentsHost): Promise<void> {
    const response = host.switchToHttp().getResponse<Response>();
    const page = newLetterViewModel();
    const error = { field: 'file', text: `The file must be smaller than ${page.maxMegabytes} MB` };
    await renderPage(response, 'letters/letter-new.njk', newLetterViewModel('', [error]), 400);
  }
}
