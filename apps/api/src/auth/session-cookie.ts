import type { CookieOptions, Request } from 'express';
import type { AppConfig } from '../config/app-config';

export const SESSION_COOKIE = 'actionledger_session';

/** HttpOnly so scripts cannot read it, SameSite=Lax so other sites' forms do not carry it, Secure behind TLS. */
export function sessionCookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:'), path: '/' };
}

export function sessionIdOf(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
