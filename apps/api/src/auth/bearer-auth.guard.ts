import { SessionStore, secretTokenHash, UserDirectory, type DirectoryUser } from '@actionledger/auth';
import type { Actor, Role } from '@actionledger/command-handling';
import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators';
import { CsrfProtection } from './csrf-protection';
import { sessionIdOf } from './session-cookie';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** How the actor signed in: a bearer token (API clients) or a session cookie (the web pages). */
  authenticatedBy?: 'bearer' | 'session';
}

/**
 * Every route but the public ones needs a user: `Authorization: Bearer <token>`, for a token that is neither
 * revoked nor a disabled or erased user's, or the session cookie of a signed-in user (401 otherwise), and a role
 * the route allows (403 otherwise). A request that rides on the cookie and changes something must carry the
 * page's CSRF token, and so must a form posted before signing in. What a token or session id is never appears in
 * an answer or a log line.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly csrf: CsrfProtection,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authorization = request.header('authorization');
    const unsafe = !SAFE_METHODS.has(request.method);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (unsafe && authorization === undefined) this.csrf.check(request);
      return true;
    }
    const user =
      authorization !== undefined ? await this.bearerUser(authorization) : await this.sessionUser(request);
    request.authenticatedBy = authorization !== undefined ? 'bearer' : 'session';
    if (request.authenticatedBy === 'session' && unsafe) this.csrf.check(request);

    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [];
    const role = allowed.find((candidate) => user.roles.includes(candidate));
    if (!role) {
      throw new ForbiddenException(
        `Your role (${user.roles.join(', ')}) cannot do this; it needs ${allowed.join(' or ') || 'no one'}.`,
      );
    }
    request.actor = { userId: user.userId, role, organisationId: user.organisationId };
    return true;
  }

  private async bearerUser(authorization: string): Promise<DirectoryUser> {
    const match = BEARER.exec(authorization.trim());
    if (!match) {
      throw new UnauthorizedException('Sign in first: send your token as "Authorization: Bearer <token>".');
    }
    const user = await this.directory.userOfBearerToken(secretTokenHash(match[1]));
    if (!user) throw new UnauthorizedException('This token is not valid: it is unknown, revoked or expired.');
    return user;
  }

  private async sessionUser(request: Request): Promise<DirectoryUser> {
    const sessionId = sessionIdOf(request);
    if (sessionId === undefined) {
      throw new UnauthorizedException('Sign in first: send your token as "Authorization: Bearer <token>".');
    }
    const session = await this.sessions.find(sessionId);
    const user = session && (await this.directory.user(session.userId));
    if (!user || user.status !== 'active') {
      // A disabled or erased user's session ends here, not at its idle timeout.
      if (session) await this.sessions.destroy(sessionId);
      throw new UnauthorizedException('Your session has ended: sign in again.');
    }
    return user;
  }
}
