import type { Decider, DomainCommand } from '../shared/decider';
import { DomainRuleViolation } from '../shared/domain-rule-violation';
import { NotPermitted } from '../shared/not-permitted';
import type { UserEvent, UserRole } from './user.events';

type UserCommandOf<Type extends string, Data = object> = DomainCommand<Type, Data & { userId: string }>;

export type RegisterUser = UserCommandOf<
  'RegisterUser',
  { organisationId: string; roles: UserRole[]; sealedProfile: string }
>;
export type ChangeUserRoles = UserCommandOf<'ChangeUserRoles', { roles: UserRole[] }>;
export type DisableUser = UserCommandOf<'DisableUser'>;
export type IssueToken = UserCommandOf<'IssueToken', { tokenId: string; tokenHash: string }>;
export type RevokeToken = UserCommandOf<'RevokeToken', { tokenId: string }>;
export type IssueInvitation = UserCommandOf<
  'IssueInvitation',
  { invitationId: string; tokenHash: string; expiresAt: string }
>;
export type SetPassword = UserCommandOf<'SetPassword', { invitationId: string; sealedPasswordHash: string }>;
export type EraseUser = UserCommandOf<'EraseUser'>;

export type UserCommand =
  | RegisterUser
  | ChangeUserRoles
  | DisableUser
  | IssueToken
  | RevokeToken
  | IssueInvitation
  | SetPassword
  | EraseUser;

export type UserState =
  | { status: 'none' }
  | {
      status: 'active' | 'disabled' | 'erased';
      userId: string;
      organisationId: string;
      roles: UserRole[];
      sealedProfile: string;
      sealedPasswordHash: string | null;
      /** tokenId → SHA-256 of the token, for the tokens not revoked. */
      tokens: Record<string, string>;
      /** invitationId → its hash and expiry, for the invitations not used. */
      invitations: Record<string, { tokenHash: string; expiresAt: string }>;
    };

export const initialUserState: UserState = { status: 'none' };

function refuse(reason: string): never {
  throw new DomainRuleViolation(reason);
}

function requireRoles(roles: UserRole[]): UserRole[] {
  const distinct = [...new Set(roles)].sort();
  if (distinct.length === 0) refuse('A user needs at least one role.');
  return distinct;
}

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  const at = command.metadata.now.toISOString();
  const { userId } = command.data;
  if (command.type === 'RegisterUser') {
    if (state.status !== 'none') refuse('This user already exists.');
    const { organisationId, sealedProfile } = command.data;
    return [
      {
        type: 'UserRegistered',
        data: {
          userId,
          organisationId,
          roles: requireRoles(command.data.roles),
          sealedProfile,
          registeredAt: at,
        },
      },
    ];
  }
  if (state.status === 'none') refuse('There is no such user.');
  if (state.status === 'erased') refuse('This user has been erased; nothing more can change on them.');
  const self = command.metadata.actor.userId === userId;

  switch (command.type) {
    case 'ChangeUserRoles': {
      if (self) throw new NotPermitted('You cannot change your own roles; ask another administrator.');
      const roles = requireRoles(command.data.roles);
      if (roles.join() === state.roles.join()) refuse(`This user already has the roles ${roles.join(', ')}.`);
      return [
        { type: 'UserRolesChanged', data: { userId, previousRoles: state.roles, roles, changedAt: at } },
      ];
    }
    case 'DisableUser':
      if (self) throw new NotPermitted('You cannot disable yourself; ask another administrator.');
      if (state.status === 'disabled') refuse('This user is already disabled.');
      return [{ type: 'UserDisabled', data: { userId, disabledAt: at } }];
    case 'IssueToken':
      if (state.status === 'disabled') refuse('This user is disabled and cannot be given a token.');
      return [{ type: 'TokenIssued', data: { ...command.data, issuedAt: at } }];
    case 'RevokeToken':
      if (!(command.data.tokenId in state.tokens))
        refuse('This user has no such token, or it is already revoked.');
      return [{ type: 'TokenRevoked', data: { userId, tokenId: command.data.tokenId, revokedAt: at } }];
    case 'IssueInvitation':
      if (state.status === 'disabled') refuse('This user is disabled and cannot be invited.');
      return [{ type: 'InvitationIssued', data: { ...command.data, issuedAt: at } }];
    case 'SetPassword': {
      const invitation = state.invitations[command.data.invitationId];
      if (!invitation || invitation.expiresAt <= at) {
        refuse('This invitation link has been used or has expired; ask for a new one.');
      }
      if (state.status === 'disabled') refuse('This user is disabled.');
      return [{ type: 'PasswordSet', data: { ...command.data, setAt: at } }];
    }
    case 'EraseUser':
      return [{ type: 'UserErased', data: { userId, erasedAt: at } }];
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown user command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

export function evolveUser(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    const { userId, organisationId, roles, sealedProfile } = event.data;
    return {
      status: 'active',
      userId,
      organisationId,
      roles,
      sealedProfile,
      sealedPasswordHash: null,
      tokens: {},
      invitations: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UserRolesChanged':
      return { ...state, roles: event.data.roles };
    case 'UserDisabled':
      return { ...state, status: 'disabled', tokens: {} };
    case 'TokenIssued':
      return { ...state, tokens: { ...state.tokens, [event.data.tokenId]: event.data.tokenHash } };
    case 'TokenRevoked': {
      const { [event.data.tokenId]: _revoked, ...tokens } = state.tokens;
      return { ...state, tokens };
    }
    case 'InvitationIssued': {
      const { invitationId, tokenHash, expiresAt } = event.data;
      return { ...state, invitations: { ...state.invitations, [invitationId]: { tokenHash, expiresAt } } };
    }
    case 'PasswordSet': {
      const { [event.data.invitationId]: _used, ...invitations } = state.invitations;
      return { ...state, sealedPasswordHash: event.data.sealedPasswordHash, invitations };
    }
    case 'UserErased':
      return { ...state, status: 'erased', tokens: {}, invitations: {}, sealedPasswordHash: null };
    default: {
      const unknownEvent: never = event;
      throw new Error(`Unknown user event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
};
