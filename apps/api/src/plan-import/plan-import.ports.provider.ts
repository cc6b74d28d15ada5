import { UserDirectory } from '@actionledger/auth';
import { AggregateLoader, CommandExecutor } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { knownUsersOf, type PlanImportPorts } from '@actionledger/spreadsheets';
import type { Provider } from '@nestjs/common';

export const PLAN_IMPORT_PORTS = Symbol('PlanImportPorts');

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
