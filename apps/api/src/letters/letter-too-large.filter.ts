import { MAX_LETTER_BYTES } from '@actionledger/letters';
import { Catch, PayloadTooLargeException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/** The upload limit stops a huge file before it is read; say so in the same words as the letter checks do. */
@Catch(PayloadTooLargeException)
export class LetterTooLargeFilter implements ExceptionFilter {
  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(400)
      .json({
        statusCode: 400,
        error: 'Bad Request',
        reason: 'too_large',
        message: `The file is larger than ${MAX_LETTER_BYTES / (1024 * 1024)} MB, the most a letter may be.`,
      });
  }
}
