import type { DirectoryUser, UserDirectory } from '@actionledger/auth';
import { USER_ROLES, type UserRole } from '@actionledger/domain';
import { isEmail } from 'class-validator';
import { formErrors, type FieldError } from '../sign-in/sign-in.view-model';

export interface InviteForm {
  name: string;
  email: string;
  roles: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Checkboxes post nothing, one value, or several. */
export function rolesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((role): role is string => typeof role === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function inviteFormOf(body: Record<string, unknown>): InviteForm {
  return { name: text(body.name), email: text(body.email), roles: rolesOf(body.roles) };
}

export function validRoles(roles: readonly string[]): roles is UserRole[] {
  return roles.length > 0 && roles.every((role) => (USER_ROLES as readonly string[]).includes(role));
}

/** Pure: what an invitation form lacks, field by field. */
export function inviteFormErrors(form: InviteForm): FieldError[] {
  const errors: FieldError[] = [];
  if (form.name === '') errors.push({ field: 'name', text: 'Enter their full name' });
  else if (form.name.length > 200)
    errors.push({ field: 'name', text: 'Name must be 200 characters or fewer' });
  if (form.email === '') errors.push({ field: 'email', text: 'Enter their email address' });
  else if (form.email.length > 320 || !isEmail(form.email)) {
    errors.push({
      field: 'email',
      text: 'Enter an email address in the correct format, like name@example.org',
    });
  }
  if (!validRoles(form.roles)) errors.push({ field: 'roles', text: 'Select at least one role' });
  return errors;
}

const ROLE_HINTS: Record<UserRole, string> = {
  lead: 'Imports letters, plans and assigns actions, verifies them',
  owner: 'Carries out the actions assigned to them',
  board: 'Reads the plans and the audit trail',
  admin: "Manages the organisation's users",
};

export function roleItems(selected: readonly string[], withHints = false) {
  return USER_ROLES.map((role) => ({
    value: role,
    text: role.charAt(0).toUpperCase() + role.slice(1),
    checked: selected.includes(role),
    ...(withHints && { hint: { text: ROLE_HINTS[role] } }),
  }));
}

export interface UsersPageInput {
  users: DirectoryUser[];
  directory: UserDirectory;
  selfId: string;
  invite?: InviteForm;
  errors?: FieldError[];
  /** The one-time link of an invitation just made: shown once, never stored in a readable form. */
  invitation?: { name: string; link: string; expiresAt: string };
}

export function usersPageViewModel(input: UsersPageInput) {
  const invite = input.invite ?? { name: '', email: '', roles: [] };
  return {
    title: 'Users',
    ...formErrors(input.errors ?? []),
    invite,
    inviteRoleItems: roleItems(invite.roles, true),
    invitation: input.invitation ?? null,
    users: input.users
      .filter((user) => user.status !== 'erased')
      .map((user) => {
        const { name, email } = input.directory.profileOf(user);
        return {
          userId: user.userId,
          name,
          email,
          roles: user.roles,
          status: user.status,
          self: user.userId === input.selfId,
          roleItems: roleItems(user.roles),
        };
      }),
  };
}
