import { UserDirectory } from '@actionledger/auth';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/bearer-auth.guard';
import { CSRF_FIELD, CsrfProtection } from '../../auth/csrf-protection';
import { navigationFor } from './navigation';

export interface SignedInUser {
  name: string;
  role: string;
}

/** What the layout shows on every page: who is signed in (for the header) and the token every form carries. */
export interface PageLocals {
  user: SignedInUser | null;
  csrfToken: string;
  csrfField: string;
  currentPath: string;
  navigation: { href: string; text: string; active: boolean }[];
}

@Injectable()
export class PageLocalsBuilder {
  constructor(
    private readonly directory: UserDirectory,
    private readonly csrf: CsrfProtection,
  ) {}

  /** Puts the page locals into `response.locals`, where every template finds them. */
  fill(request: AuthenticatedRequest, response: Response): void {
    const actor = request.actor;
    const locals: PageLocals = {
      user: actor ? { name: this.directory.displayName(actor.userId), role: actor.role } : null,
      csrfToken: this.csrf.tokenFor(request, response),
      csrfField: CSRF_FIELD,
      currentPath: request.path,
      navigation: navigationFor(actor?.role, request.path),
    };
    Object.assign(response.locals, locals);
  }
}

/** Runs after the guard, so the header knows who signed in. */
@Injectable()
export class PageLocalsInterceptor implements NestInterceptor {
  constructor(private readonly locals: PageLocalsBuilder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    this.locals.fill(http.getRequest<AuthenticatedRequest>(), http.getResponse<Response>());
    return next.handle();
  }
}
