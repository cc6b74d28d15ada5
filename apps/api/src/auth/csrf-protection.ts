import { randomBytes } from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { sessionIdOf } from './session-cookie';

/** The field every form carries its token in (multipart forms, read after the guard, put it in the query). */
export const CSRF_FIELD = '_csrf';

export class CsrfTokenRefused extends ForbiddenException {
  constructor() {
    super('This form has expired or did not come from ActionLedger: go back, reload the page and try again.');
  }
}

function tokenOf(request: Request): string | undefined {
  const fromBody = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  const fromQuery = request.query?.[CSRF_FIELD];
  const token = fromBody ?? request.header('x-csrf-token') ?? fromQuery;
  return typeof token === 'string' ? token : undefined;
}

/**
 * Double-submit CSRF tokens (csrf-csrf), bound to the session: a page gets a token that is also set as a
 * cookie, and an unsafe request made with the session cookie must send it back. Bearer-token calls are exempt:
 * a browser never adds an Authorization header on another site's behalf.
 */
export class CsrfProtection {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(config: AppConfig) {
    const secure = config.publicUrl.startsWith('https:');
    const secret = config.csrfSecret ?? randomBytes(32).toString('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => sessionIdOf(request) ?? '',
      // The __Host- prefix pins the cookie to this host and path; browsers only accept it when Secure.
      cookieName: secure ? '__Host-actionledger_csrf' : 'actionledger_csrf',
      cookieOptions: { sameSite: 'lax', secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: tokenOf,
    });
  }

  /** The token for the forms of the page being rendered (it sets or keeps the matching cookie). */
  tokenFor(request: Request, response: Response): string {
    return this.csrf.generateCsrfToken(request, response);
  }

  check(request: Request): void {
    if (!this.csrf.validateRequest(request)) throw new CsrfTokenRefused();
  }
}
