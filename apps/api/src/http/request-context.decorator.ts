import { randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
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

/**
 * The command context of an HTTP request. Until authentication lands every caller acts as a lead and may
 * name itself with X-User-Id, so that the log records who did what.
 */
export function commandContextOf(request: Request): CommandContext {
  const requestId = randomUUID();
  return {
    actor: { userId: request.header('x-user-id') ?? 'anonymous', role: 'lead', organisationId: null },
    correlationId: request.header('x-correlation-id') ?? requestId,
    causationId: requestId,
    idempotencyKey: parseIdempotencyKey(request.header('idempotency-key')),
    expectedVersion: parseIfMatch(request.header('if-match')),
  };
}

export const RequestCommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandContextOf(ctx.switchToHttp().getRequest<Request>()),
);
