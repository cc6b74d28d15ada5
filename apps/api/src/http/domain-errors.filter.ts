import { DomainRuleViolation, NotPermitted } from '@actionledger/domain';
import { WrongExpectedRevisionError } from '@actionledger/event-store';
import { LetterInputError } from '@actionledger/letters';
import { SpreadsheetInputError } from '@actionledger/spreadsheets';
import {
  InvalidQueryError,
  ProjectionBehindError,
  ProjectionRebuildingError,
} from '@actionledger/projections';
import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { IdempotencyKeyReusedError, InvalidInputError, NotFoundError } from '@actionledger/command-handling';

type Refusal = Error &
  (
    | DomainRuleViolation
    | WrongExpectedRevisionError
    | NotFoundError
    | IdempotencyKeyReusedError
    | LetterInputError
    | SpreadsheetInputError
    | NotPermitted
    | InvalidInputError
    | InvalidQueryError
    | ProjectionRebuildingError
    | ProjectionBehindError
  );

function describeConflict(error: WrongExpectedRevisionError): string {
  const actual = error.actual === 'no_stream' ? 'does not exist yet' : `is now at version ${error.actual}`;
  return `This record has changed since version ${String(error.expected)}: it ${actual}. Reload it and try again.`;
}

interface Answer {
  status: HttpStatus;
  message: string;
  reason?: string;
  fields?: Record<string, string[]>;
  retryAfter?: number;
}

function answerTo(error: Refusal): Answer {
  if (error instanceof NotFoundError) return { status: HttpStatus.NOT_FOUND, message: error.message };
  if (error instanceof NotPermitted) return { status: HttpStatus.FORBIDDEN, message: error.message };
  if (error instanceof InvalidInputError) return { status: HttpStatus.BAD_REQUEST, message: error.message };
  if (error instanceof InvalidQueryError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      message: error.message,
      fields: { [error.field]: [error.message] },
    };
  }
  if (error instanceof ProjectionRebuildingError || error instanceof ProjectionBehindError) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      message: error.message,
      retryAfter: error.retryAfterSeconds,
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { status: HttpStatus.CONFLICT, message: describeConflict(error) };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return { status: HttpStatus.UNPROCESSABLE_ENTITY, message: error.message };
  }
  if (error instanceof LetterInputError) {
    // 'unparseable' is the parser failing on a real letter, not the user sending a bad one.
    const status = error.reason === 'unparseable' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
    return { status, message: error.message, reason: error.reason };
  }
  if (error instanceof SpreadsheetInputError) {
    return { status: HttpStatus.BAD_REQUEST, message: error.message, reason: error.reason };
  }
  return { status: HttpStatus.CONFLICT, message: error.message };
}

/** Turns the domain's, the store's and the letter reader's refusals into the HTTP answers the API promises. */
@Catch(
  DomainRuleViolation,
  WrongExpectedRevisionError,
  NotFoundError,
  IdempotencyKeyReusedError,
  LetterInputError,
  SpreadsheetInputError,
  NotPermitted,
  InvalidInputError,
  InvalidQueryError,
  ProjectionRebuildingError,
  ProjectionBehindError,
)
export class DomainErrorsFilter implements ExceptionFilter {
  catch(error: Refusal, host: ArgumentsHost): void {
    const { status, message, reason, fields, retryAfter } = answerTo(error);
    const response = host.switchToHttp().getResponse<Response>();
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json({
      statusCode: status,
      error: HttpStatus[status],
      ...(reason && { reason }),
      message,
      ...(fields && { fields }),
    });
  }
}
