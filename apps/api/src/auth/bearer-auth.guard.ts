import { secretTokenHash, UserDirectory } from '@actionledger/auth';
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

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/**
 * Every route but the public ones needs a user: `Authorization: Bearer <token>`, for a token that is neither
 * revoked nor a disabled or erased user's (401 otherwise), and a role the route allows (403 otherwise). What the
 * token is never appears in an answer or a log line.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly directory: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.header('authorization')?.trim() ?? '');
    if (!match) {
      throw new UnauthorizedException('Sign in first: send your token as "Authorization: Bearer <token>".');
    }
    const user = await this.directory.userOfBearerToken(secretTokenHash(match[1]));
    if (!user) throw new UnauthorizedException('This token is not valid: it is unknown, revoked or expired.');

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
}
