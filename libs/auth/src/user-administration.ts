import { randomUUID } from 'node:crypto';
import { hash as argon2Hash } from '@node-rs/argon2';
import {
  NotFoundError,
  type CommandContext,
  type CommandExecutor,
  type CommandResult,
} from '@actionledger/command-handling';
import {
  DomainRuleViolation,
  organisationDecider,
  organisationStreamId,
  userDecider,
  userStreamId,
  type UserCommand,
  type UserRole,
} from '@actionledger/domain';
import type { PersonalDataVault } from './personal-data-vault';
import { newSecretToken, secretTokenHash } from './secret-tokens';
import type { UserDirectory } from './user-directory';

const INVITATION_DAYS = 7;
const MIN_PASSWORD_LENGTH = 12;

type UserCommandInput = UserCommand extends infer C
  ? C extends UserCommand
    ? { type: C['type']; data: Omit<C['data'], 'userId'> }
    : never
  : never;

/**
 * Organisations, users and their credentials, for the CLI and the API alike: one place that seals personal
 * data, makes tokens and writes through the one write path.
 */
export class UserAdministration {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly directory: UserDirectory,
    private readonly vault: PersonalDataVault,
  ) {}

  async registerOrganisation(name: string, context: CommandContext): Promise<string> {
    if (await this.directory.organisationByName(name)) {
      throw new DomainRuleViolation(`An organisation called "${name.trim()}" already exists.`);
    }
    const organisationId = randomUUID();
    await this.commands.execute({
      id: organisationId,
      streamId: organisationStreamId(organisationId),
      decider: organisationDecider,
      commandType: 'RegisterOrganisation',
      payload: { name },
      context,
      prepare: (_state, metadata) => ({
        type: 'RegisterOrganisation' as const,
        data: { organisationId, name },
        metadata,
      }),
    });
    return organisationId;
  }

  async registerUser(
    user: { organisationId: string; email: string; name: string; roles: UserRole[] },
    context: CommandContext,
  ): Promise<string> {
    if (!(await this.directory.organisationName(user.organisationId))) {
      throw new NotFoundError('organisation', user.organisationId);
    }
    const email = user.email.trim();
    if (await this.directory.userByEmail(email)) {
      throw new DomainRuleViolation(`A user with the email ${email} already exists.`);
    }
    const userId = randomUUID();
    const sealedProfile = this.vault.seal(userId, { name: user.name.trim(), email });
    await this.execute(userId, context, {
      type: 'RegisterUser',
      data: { organisationId: user.organisationId, roles: user.roles, sealedProfile },
    });
    return userId;
  }

  /** A new bearer token for the user: returned once, only its hash is kept. */
  async issueToken(userId: string, context: CommandContext): Promise<{ tokenId: string; token: string }> {
    const token = newSecretToken('alt');
    const tokenId = randomUUID();
    await this.execute(userId, context, {
      type: 'IssueToken',
      data: { tokenId, tokenHash: secretTokenHash(token) },
    });
    return { tokenId, token };
  }

  revokeToken(userId: string, tokenId: string, context: CommandContext): Promise<CommandResult> {
    return this.execute(userId, context, { type: 'RevokeToken', data: { tokenId } });
  }

  /** A one-time secret for the set-password page, valid for a week. */
  async invite(
    userId: string,
    context: CommandContext,
  ): Promise<{ invitationToken: string; expiresAt: string }> {
    const invitationToken = newSecretToken('ali');
    const expiresAt = new Date(this.commands.now().getTime() + INVITATION_DAYS * 86_400_000).toISOString();
    await this.execute(userId, context, {
      type: 'IssueInvitation',
      data: { invitationId: randomUUID(), tokenHash: secretTokenHash(invitationToken), expiresAt },
    });
    return { invitationToken, expiresAt };
  }

  async setPassword(invitationToken: string, password: string, context: CommandContext): Promise<string> {
    const invitation = await this.directory.invitation(secretTokenHash(invitationToken));
    if (!invitation) {
      throw new DomainRuleViolation('This invitation link has been used or has expired; ask for a new one.');
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new DomainRuleViolation(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const sealedPasswordHash = this.vault.seal(invitation.userId, await argon2Hash(password));
    await this.execute(invitation.userId, context, {
      type: 'SetPassword',
      data: { invitationId: invitation.invitationId, sealedPasswordHash },
    });
    return invitation.userId;
  }

  changeRoles(userId: string, roles: UserRole[], context: CommandContext): Promise<CommandResult> {
    return this.execute(userId, context, { type: 'ChangeUserRoles', data: { roles } });
  }

  disable(userId: string, context: CommandContext): Promise<CommandResult> {
    return this.execute(userId, context, { type: 'DisableUser', data: {} });
  }

  /** Records the erasure, then destroys the key: from then on the user's name and email cannot be read. */
  async erase(userId: string, context: CommandContext): Promise<void> {
    await this.execute(userId, context, { type: 'EraseUser', data: {} });
    this.vault.destroy(userId);
  }

  private execute(userId: string, context: CommandContext, input: UserCommandInput): Promise<CommandResult> {
    return this.commands.execute({
      id: userId,
      streamId: userStreamId(userId),
      decider: userDecider,
      commandType: input.type,
      payload: input.data,
      context,
      notFound: () => new NotFoundError('user', userId),
      prepare: (state, metadata) => {
        if (input.type !== 'RegisterUser' && state.status === 'none') throw new NotFoundError('user', userId);
        return { type: input.type, data: { ...input.data, userId }, metadata } as UserCommand;
      },
    });
  }
}
