import type { DomainEvent } from '../shared/decider';

export const USER_ROLES = ['admin', 'lead', 'owner', 'board'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * A person's name and email never enter the log in the clear: `sealedProfile` is encrypted with a key kept for
 * that user outside the log, and destroying the key erases them (crypto-shredding). Other events name people
 * by user id only.
 */
export type UserRegistered = DomainEvent<
  'UserRegistered',
  { userId: string; organisationId: string; roles: UserRole[]; sealedProfile: string; registeredAt: string }
>;
export type UserRolesChanged = DomainEvent<
  'UserRolesChanged',
  { userId: string; previousRoles: UserRole[]; roles: UserRole[]; changedAt: string }
>;
export type UserDisabled = DomainEvent<'UserDisabled', { userId: string; disabledAt: string }>;
/** Only the SHA-256 of a bearer token is kept; the token itself is shown once, to whoever created it. */
export type TokenIssued = DomainEvent<
  'TokenIssued',
  { userId: string; tokenId: string; tokenHash: string; issuedAt: string }
>;
export type TokenRevoked = DomainEvent<
  'TokenRevoked',
  { userId: string; tokenId: string; revokedAt: string }
>;
/** A one-time link to set a password; only its hash is kept. */
export type InvitationIssued = DomainEvent<
  'InvitationIssued',
  { userId: string; invitationId: string; tokenHash: string; expiresAt: string; issuedAt: string }
>;
/** The argon2id hash, sealed like the profile so that erasure removes it too. */
export type PasswordSet = DomainEvent<
  'PasswordSet',
  { userId: string; invitationId: string; sealedPasswordHash: string; setAt: string }
>;
/** The user's key was destroyed: their profile and password can no longer be read, anywhere. */
export type UserErased = DomainEvent<'UserErased', { userId: string; erasedAt: string }>;

export type UserEvent =
  | UserRegistered
  | UserRolesChanged
  | UserDisabled
  | TokenIssued
  | TokenRevoked
  | InvitationIssued
  | PasswordSet
  | UserErased;
