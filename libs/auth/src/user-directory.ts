import type { OrganisationEvent, UserEvent, UserRole } from '@actionledger/domain';
import type { EventStore, StoredEvent } from '@actionledger/event-store';
import type { PersonalDataVault } from './personal-data-vault';

export interface Profile {
  name: string;
  email: string;
}

export interface DirectoryUser {
  userId: string;
  organisationId: string;
  roles: UserRole[];
  status: 'active' | 'disabled' | 'erased';
  sealedProfile: string;
  sealedPasswordHash: string | null;
}

const ERASED: Profile = { name: 'erased user', email: '' };
const PAGE = 1000;

function isDirectoryEvent(event: StoredEvent): boolean {
  return event.streamId.startsWith('user-') || event.streamId.startsWith('organisation-');
}

/**
 * Organisations, users and their credentials as the log says they are now, for sign-in and for showing names.
 * It catches up with the log before it answers a question whose answer may have changed (a token created or
 * revoked by the CLI in another process, a user just added), so it is never staler than the log.
 */
export class UserDirectory {
  private position = 0n;
  private catchingUp: Promise<void> | null = null;
  private readonly users = new Map<string, DirectoryUser>();
  private readonly userOfToken = new Map<string, { userId: string; tokenId: string }>();
  private readonly invitations = new Map<
    string,
    { userId: string; invitationId: string; expiresAt: string }
  >();
  private readonly organisations = new Map<string, string>();
  private readonly profiles = new Map<string, Profile>();

  constructor(
    private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
  ) {}

  /** Reads whatever the log gained since the last call; concurrent callers share one read. */
  async catchUp(): Promise<void> {
    this.catchingUp ??= this.readNewEvents().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  async userOfBearerToken(tokenHash: string): Promise<DirectoryUser | null> {
    await this.catchUp();
    const found = this.userOfToken.get(tokenHash);
    const user = found && this.users.get(found.userId);
    return user && user.status === 'active' ? user : null;
  }

  async invitation(tokenHash: string) {
    await this.catchUp();
    return this.invitations.get(tokenHash) ?? null;
  }

  async user(userId: string): Promise<DirectoryUser | null> {
    await this.catchUp();
    return this.users.get(userId) ?? null;
  }

  async usersOf(organisationId: string): Promise<DirectoryUser[]> {
    await this.catchUp();
    return [...this.users.values()].filter((user) => user.organisationId === organisationId);
  }

  async userByEmail(email: string): Promise<DirectoryUser | null> {
    await this.catchUp();
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values()) {
      if (user.status !== 'erased' && this.profileOf(user).email.toLowerCase() === wanted) return user;
    }
    return null;
  }

  async organisationByName(name: string): Promise<{ organisationId: string; name: string } | null> {
    await this.catchUp();
    const wanted = name.trim().toLowerCase();
    for (const [organisationId, orgName] of this.organisations) {
      if (orgName.toLowerCase() === wanted) return { organisationId, name: orgName };
    }
    return null;
  }

  async organisationName(organisationId: string): Promise<string | null> {
    await this.catchUp();
    return this.organisations.get(organisationId) ?? null;
  }

  /** Name and email, or "erased user" once the user's key is destroyed; "unknown user" for ids never seen. */
  displayName(userId: string): string {
    const user = this.users.get(userId);
    if (!user) {
      if (userId === 'operator') return 'operator (command line)';
      return userId.startsWith('system:') ? userId.slice('system:'.length) : 'unknown user';
    }
    return this.profileOf(user).name;
  }

  profileOf(user: DirectoryUser): Profile {
    if (user.status === 'erased') return ERASED;
    let profile = this.profiles.get(user.userId);
    if (!profile) {
      profile = this.vault.open<Profile>(user.userId, user.sealedProfile) ?? ERASED;
      this.profiles.set(user.userId, profile);
    }
    return profile;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const events = await this.store.readAll({ after: this.position, limit: PAGE });
      for (const event of events) {
        if (event.position <= this.position) continue;
        this.position = event.position;
        if (isDirectoryEvent(event)) this.apply(event as unknown as UserEvent | OrganisationEvent);
      }
      if (events.length < PAGE) return;
    }
  }

  private apply(event: UserEvent | OrganisationEvent): void {
    switch (event.type) {
      case 'OrganisationRegistered':
        this.organisations.set(event.data.organisationId, event.data.name);
        return;
      case 'UserRegistered': {
        const { userId, organisationId, roles, sealedProfile } = event.data;
        this.users.set(userId, {
          userId,
          organisationId,
          roles,
          status: 'active',
          sealedProfile,
          sealedPasswordHash: null,
        });
        return;
      }
      case 'UserRolesChanged':
        return this.update(event.data.userId, { roles: event.data.roles });
      case 'UserDisabled':
        this.forgetCredentials(event.data.userId);
        return this.update(event.data.userId, { status: 'disabled' });
      case 'TokenIssued':
        this.userOfToken.set(event.data.tokenHash, {
          userId: event.data.userId,
          tokenId: event.data.tokenId,
        });
        return;
      case 'TokenRevoked':
        for (const [hash, token] of this.userOfToken) {
          if (token.tokenId === event.data.tokenId) this.userOfToken.delete(hash);
        }
        return;
      case 'InvitationIssued': {
        const { userId, invitationId, tokenHash, expiresAt } = event.data;
        this.invitations.set(tokenHash, { userId, invitationId, expiresAt });
        return;
      }
      case 'PasswordSet':
        for (const [hash, invitation] of this.invitations) {
          if (invitation.invitationId === event.data.invitationId) this.invitations.delete(hash);
        }
        return this.update(event.data.userId, { sealedPasswordHash: event.data.sealedPasswordHash });
      case 'UserErased':
        this.forgetCredentials(event.data.userId);
        this.profiles.delete(event.data.userId);
        return this.update(event.data.userId, { status: 'erased', sealedPasswordHash: null });
      default: {
        const unknownEvent: never = event;
        throw new Error(`Unknown directory event ${JSON.stringify(unknownEvent)}`);
      }
    }
  }

  private update(userId: string, change: Partial<DirectoryUser>): void {
    const user = this.users.get(userId);
    if (user) this.users.set(userId, { ...user, ...change });
  }

  private forgetCredentials(userId: string): void {
    for (const [hash, token] of this.userOfToken) if (token.userId === userId) this.userOfToken.delete(hash);
    for (const [hash, invitation] of this.invitations) {
      if (invitation.userId === userId) this.invitations.delete(hash);
    }
  }
}
