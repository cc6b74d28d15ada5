import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The multipart field the files come in, once or several times. */
export const EVIDENCE_FIELD = 'files';

/**
 * Multer over the evidence route, with the limits of the configuration (a decorator's options are fixed before
 * the configuration is read). Files are held in memory, at most `maxFilesPerRequest` × `maxFileBytes`, and
 * stopped at the per-file limit before they are read whole.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxFileBytes, maxFilesPerRequest } = config.evidence.limits;
    const Multer = FilesInterceptor(EVIDENCE_FIELD, maxFilesPerRequest, {
      limits: { fileSize: maxFileBytes, files: maxFilesPerRequest, fields: 10, fieldSize: 20_000 },
      // Keep "../x.pdf" as sent, so that the name check refuses it rather than multer quietly cutting it short.
      preservePath: true,
    });
    this.multer = new Multer();
  }

  intercept(context: ExecutionContext, next: CallHandler) {
    return this.multer.intercept(context, next);
  }
}
