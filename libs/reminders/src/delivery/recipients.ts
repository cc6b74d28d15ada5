import type { DirectoryUser, UserDirectory } from '@actionledger/auth';
import type { ReminderKind, UserRole } from '@actionledger/domain';
import type { Recipient } from './notifier';

/** Who is told of each timer: the owner before and on the day; owner and lead when overdue; lead and board on escalation. */
const AUDIENCE: Record<ReminderKind, { owner: boolean; roles: UserRole[] }> = {
  due_soon: { owner: true, roles: [] },
  due: { owner: true, roles: [] },
  overdue: { owner: true, roles: ['lead'] },
  escalation: { owner: false, roles: ['lead', 'board'] },
};

/**
 * The people a reminder goes to, with their names and emails read through the directory (they are sealed in
 * the vault): only active users, only those whose address is still known (an erased user has none).
 */
export async function recipientsOf(
  directory: UserDirectory,
  kind: ReminderKind,
  organisationId: string,
  ownerId: string | null,
): Promise<Recipient[]> {
  const audience = AUDIENCE[kind];
  const people: DirectoryUser[] = [];
  if (audience.owner && ownerId) {
    const owner = await directory.user(ownerId);
    if (owner) people.push(owner);
  }
  if (audience.roles.length > 0) {
    for (const user of await directory.usersOf(organisationId)) {
      if (user.roles.some((role) => audience.roles.includes(role))) people.push(user);
    }
  }
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const user of people) {
    if (user.status !== 'active' || seen.has(user.userId)) continue;
    seen.add(user.userId);
    const { name, email } = directory.profileOf(user);
    if (email) recipients.push({ userId: user.userId, name, email });
  }
  return recipients;
}
