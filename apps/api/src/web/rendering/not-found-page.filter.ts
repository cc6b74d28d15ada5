import { Catch, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendErrorPage, wantsJson } from './web-error.filter';

const API_PATHS = /^\/(api|health)(\/|$)/;

/**
 * An address that matches no route: "Page not found" in GOV.UK style for a browser, Nest's usual JSON for the
 * API and for clients that ask for JSON.
 */
@Catch(NotFoundException)
export class NotFoundPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  catch(error: NotFoundException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (API_PATHS.test(request.path) || wantsJson(request)) {
      response.status(404).json(error.getResponse());
      return;
    }
    sendErrorPage(
      response,
      404,
      'errors/not-found.njk',
      { title: 'Page not found', user: null },
      this.logger,
    );
  }
}
