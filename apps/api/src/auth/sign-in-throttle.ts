import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { secretTokenHash } from '@actionledger/auth';
import { Injectable, type Provider } from '@nestjs/common';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
} from '@nestjs/throttler';
import type { Request } from 'express';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../read-models/read-models.providers';

/** The email a sign-in form names, as the directory compares it: one count per account, however it is typed. */
function accountOf(request: Record<string, unknown>): string {
  const email = (request as unknown as Request).body?.email as unknown;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/**
 * Sign-in attempts are counted twice, in Redis so that every API process shares the counts: per account (one
 * address guessing one person's password) and per address (one address trying many accounts). Either limit
 * reached is a 429 until its window ends.
 */
export const signInThrottleProviders: Provider[] = [
  {
    provide: getStorageToken(),
    inject: [REDIS],
    useFactory: (redis: Redis) => new ThrottlerStorageRedisService(redis),
  },
  {
    provide: getOptionsToken(),
    inject: [APP_CONFIG],
    useFactory: ({ signInLimits, session }: AppConfig): ThrottlerModuleOptions => {
      const ttl = signInLimits.windowSeconds * 1000;
      return {
        throttlers: [
          { name: 'account', limit: signInLimits.perAccount, ttl, getTracker: accountOf },
          {
            name: 'address',
            limit: signInLimits.perAddress,
            ttl,
            getTracker: (request) => String(request.ip),
          },
        ],
        generateKey: (_context, tracker, name) =>
          `${session.keyPrefix}:sign-in:${name}:${secretTokenHash(tracker)}`,
        errorMessage: 'Too many attempts to sign in: wait 15 minutes, then try again.',
      };
    },
  },
];

/** Put on the sign-in route only: every other route is limited by its authentication, not by counting. */
@Injectable()
export class SignInThrottleGuard extends ThrottlerGuard {}
