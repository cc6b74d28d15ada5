import type { CommandActor } from '@actionledger/domain';

/**
 * Whether the actor may see a record: records of an organisation are visible only to its own users. Process
 * managers and the operator's CLI act for every organisation. Records of another organisation are answered as
 * not found, never as forbidden, so that nobody learns they exist.
 */
export function isVisibleTo(state: unknown, actor: CommandActor): boolean {
  if (actor.role === 'system' || actor.role === 'operator') return true;
  const owner = (state as { organisationId?: unknown } | null)?.organisationId;
  return typeof owner !== 'string' || owner === actor.organisationId;
}

/** The organisation a user acts for; only the operator and process managers act for none. */
export function organisationOf(actor: CommandActor): string {
  if (actor.organisationId === null) {
    throw new Error(
      `${actor.userId} (${actor.role}) acts for no organisation and cannot create its records.`,
    );
  }
  return actor.organisationId;
}
