import { SetMetadata } from '@nestjs/common';
import type { Role } from '@actionledger/command-handling';

export const PUBLIC_ROUTE = 'actionledger:public';
export const ALLOWED_ROLES = 'actionledger:roles';

/** A route anyone may call without signing in: only health and sign-in. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call a route, in the order a user holding several acts in (the first they hold is the role
 * the log records). A route that names none is refused to everyone, so a new route cannot be left open by mistake.
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const READERS: Role[] = ['lead', 'owner', 'board'];
