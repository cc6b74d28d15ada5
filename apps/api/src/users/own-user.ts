import type { DirectoryUser, UserDirectory } from '@actionledger/auth';
import { NotFoundError, type Actor } from '@actionledger/command-handling';

/** A user of the caller's own organisation, not erased; anyone else is "not found" (404). */
export async function ownUser(directory: UserDirectory, id: string, actor: Actor): Promise<DirectoryUser> {
  const user = await directory.user(id);
  if (!user || user.organisationId !== actor.organisationId || user.status === 'erased') {
    throw new NotFoundError('user', id);
  }
  return user;
}
