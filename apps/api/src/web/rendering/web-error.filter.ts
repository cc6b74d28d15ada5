import { NotFoundError } from '@actionledger/command-handling';
import { DomainRuleViolation, NotPermitted } from '@actionledger/domain';
import { ProjectionBehindError, ProjectionRebuildingError } from '@actionledger/projections';
import {
  Catch,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  UnauthorizedException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/bearer-auth.guard';
import { CsrfTokenRefused } from '../../auth/csrf-protection';
import { PageLocalsBuilder } from './page-locals';

interface ErrorPage {
  status: number;
  template: string;
  title: string;
  message?: string;
}

function errorPageFor(error: unknown): ErrorPage {
  if (error instanceof NotFoundError)
    return { status: 404, template: 'errors/not-found.njk', title: 'Page not found' };
  if (error instanceof CsrfTokenRefused) {
    return { status: 403, template: 'errors/form-expired.njk', title: 'This form has expired' };
  }
  if (error instanceof ThrottlerException) {
    return { status: 429, template: 'errors/too-many-attempts.njk', title: 'Too many attempts to sign in' };
  }
  if (error instanceof NotPermitted) {
    return {
      status: 403,
      template: 'errors/forbidden.njk',
      title: 'You cannot do this',
      message: error.message,
    };
  }
  if (error instanceof DomainRuleViolation) {
    return {
      status: 409,
      template: 'errors/conflict.njk',
      title: 'This cannot be done now',
      message: error.message,
    };
  }
  if (error instanceof ProjectionRebuildingError || error instanceof ProjectionBehindError) {
    return { status: 503, template: 'errors/unavailable.njk', title: 'Sorry, the service is busy' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === HttpStatus.NOT_FOUND)
      return { status, template: 'errors/not-found.njk', title: 'Page not found' };
    if (status === HttpStatus.FORBIDDEN) {
      return {
        status,
        template: 'errors/forbidden.njk',
        title: 'You cannot do this',
        message: error.message,
      };
    }
    if (status < 500) {
      return {
        status,
        template: 'errors/bad-request.njk',
        title: 'There is a problem',
        message: error.message,
      };
    }
  }
  return {
    status: 500,
    template: 'errors/server-error.njk',
    title: 'Sorry, there is a problem with the service',
  };
}

/** A browser asking for a page gets HTML; an API client that asked for JSON gets JSON. */
export function wantsJson(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'json';
}

/**
 * Errors on the web pages as GOV.UK error pages, never a stack trace: not signed in goes to the sign-in page,
 * another organisation's record is "Page not found", and anything unexpected is logged here and shown as 500.
 */
@Catch()
@Injectable()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  constructor(private readonly locals: PageLocalsBuilder) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof UnauthorizedException && !wantsJson(request)) {
      response.redirect(303, '/sign-in');
      return;
    }
    const page = errorPageFor(error);
    if (page.status === 500) this.logger.error((error as Error)?.stack ?? String(error));
    if (page.status === 429) response.setHeader('Retry-After', String(15 * 60));
    if (wantsJson(request)) {
      response.status(page.status).json({ statusCode: page.status, message: page.message ?? page.title });
      return;
    }
    try {
      this.locals.fill(request, response);
    } catch {
      // An error page must render even when the page's locals cannot be made (a broken CSRF cookie, say).
    }
    sendErrorPage(response, page.status, page.template, page, this.logger);
  }
}

/** An error page that cannot itself be rendered falls back to one plain sentence: never a stack trace. */
export function sendErrorPage(
  response: Response,
  status: number,
  template: string,
  model: object,
  logger: Logger,
) {
  response.render(template, model, (error: Error | null, html?: string) => {
    if (error) {
      logger.error(error.stack ?? error.message);
      response.status(500).type('text').send('Sorry, there is a problem with the service.');
      return;
    }
    response.status(status).type('html').send(html);
  });
}
