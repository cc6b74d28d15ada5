import type { UserDirectory } from '@actionledger/auth';
import type { KnownUser } from '../matching/owner-matching';

/** The organisation's active users with their names and emails, for matching a sheet's owners. */
export async function knownUsersOf(directory: UserDirectory, organisationId: string): Promise<KnownUser[]> {
  const users = await directory.usersOf(organisationId);
  return users
    .filter((user) => user.status === 'active')
    .map((user) => ({ userId: user.userId, ...directory.profileOf(user) }));
}
