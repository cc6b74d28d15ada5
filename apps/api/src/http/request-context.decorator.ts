import { randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/bearer-auth.guard';
import { CommandContext } from '@actionledger/command-handling';

const VERSION = /^(?:W\/)?"?(\d+)"?$/;
const MAX_KEY_LENGTH = 200;

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = VERSION.exec(header.trim());
  if (!match) throw new BadRequestException(`If-Match must be a version number such as "3", not ${header}.`);
  return Number(match[1]);
}

function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '' || header.length > MAX_KEY_LENGTH) {
    throw new BadRequestException(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  return header;
}

/** The command context of an HTTP request: the signed-in actor (see BearerAuthGuard) and the client's headers. */
export function commandContextOf(request: AuthenticatedRequest): CommandContext {
  if (!request.actor) throw new Error('A command reached a route that no guard signed in.');
  // The request's id as its log lines carry it (X-Request-Id or made by pino-http), so a log and the events agree.
  const logged = (request as { id?: unknown }).id;
  const requestId = typeof logged === 'string' ? logged : randomUUID();
  return {
    actor: request.actor,
    correlationId: request.header('x-correlation-id') ?? requestId,
    causationId: requestId,
    idempotencyKey: parseIdempotencyKey(request.header('idempotency-key')),
    expectedVersion: parseIfMatch(request.header('if-match')),
  };
}

/** The signed-in actor, for routes that read. */
export const RequestActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('A route that needs an actor was reached without one.');
  return actor;
});

export const RequestCommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
