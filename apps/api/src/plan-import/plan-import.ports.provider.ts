import { UserDirectory } from '@actionledger/auth';
import { AggregateLoader, CommandExecutor } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import type { PlanImportPorts } from '@actionledger/spreadsheets';
import type { Provider } from '@nestjs/common';

export const PLAN_IMPORT_PORTS = Symbol('PlanImportPorts');

/** The organisation's active users with their names and emails, for matching a sheet's owners. */
export async function knownUsersOf(directory: UserDirectory, organisationId: string) {
  const users = await directory.usersOf(organisationId);
  return users
    .filter((user) => user.status === 'active')
    .map((user) => ({ userId: user.userId, ...directory.profileOf(user) }));
}

export const planImportPortsProvider: Provider = {
  provide: PLAN_IMPORT_PORTS,
  inject: [EVENT_STORE, AggregateLoader, CommandExecutor, UserDirectory],
  useFactory: (
    store: EventStore,
    loader: AggregateLoader,
    commands: CommandExecutor,
    directory: UserDirectory,
  ): PlanImportPorts => ({
    store,
    loader,
    commands,
    usersOf: (organisationId) => knownUsersOf(directory, organisationId),
  }),
};
