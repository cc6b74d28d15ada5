import { DomainRuleViolation } from '@actionledger/domain';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import { LetterInputError } from '@actionledger/letters';
import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { IdempotencyKeyReusedError } from '../command-handling/idempotency-key-reused.error';
import { NotFoundError } from '../command-handling/not-found.error';

function describeConflict(error: WrongExpectedRevisionError): string {
  const actual = error.actual === 'no_stream' ? 'does not exist yet' : `is now at version ${error.actual}`;
  return `This record has changed since version ${String(error.expected)}: it ${actual}. Reload it and try again.`;
}

/** Turns the domain's and the store's refusals into the HTTP answers the API promises. */
@Catch(
  DomainRuleViolation,
  WrongExpectedRevisionError,
  NotFoundError,
  IdempotencyKeyReusedError,
  LetterInputError,
)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof LetterInputError) {
      response
        .status(400)
        .json({ statusCode: 400, error: 'Bad Request', reason: error.reason, message: error.message });
      return;
    }
    const [status, message] =
      error instanceof NotFoundError
        ? [HttpStatus.NOT_FOUND, error.message]
        : error instanceof WrongExpectedRevisionError
          ? [HttpStatus.CONFLICT, describeConflict(error)]
          : error instanceof IdempotencyKeyReusedError
            ? [HttpStatus.UNPROCESSABLE_ENTITY, error.message]
            : [HttpStatus.CONFLICT, error.message];
    response.status(status).json({ statusCode: status, error: HttpStatus[status], message });
  }
}
