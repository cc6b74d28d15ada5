import { EvidenceFileRefusedError } from '@actionledger/evidence';
import {
  Catch,
  Inject,
  PayloadTooLargeException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVIDENCE_FIELD } from './evidence-upload.interceptor';

/** A file refused by the checks, or stopped by the upload limit before it was read: a 400 that says which. */
@Catch(EvidenceFileRefusedError, PayloadTooLargeException)
export class EvidenceRefusalsFilter implements ExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(error: EvidenceFileRefusedError | PayloadTooLargeException, host: ArgumentsHost): void {
    const { maxFileBytes } = this.config.evidence.limits;
    const { reason, message, field } =
      error instanceof EvidenceFileRefusedError
        ? error
        : {
            reason: 'too_large',
            message: `A file is larger than ${maxFileBytes.toLocaleString('en-GB')} bytes, the most one file of evidence may be.`,
            field: EVIDENCE_FIELD,
          };
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(400)
      .json({ statusCode: 400, error: 'Bad Request', reason, message, fields: { [field]: [message] } });
  }
}
