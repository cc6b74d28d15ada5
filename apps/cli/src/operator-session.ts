import { resolve } from 'node:path';
import { PersonalDataVault, UserAdministration, UserDirectory } from '@actionledger/auth';
import { AggregateLoader, CommandExecutor, systemClock } from '@actionledger/command-handling';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@actionledger/event-store';
import type { CliIo } from './cli-io';

/** What a CLI command that writes works with: the log, the personal-data keys and the one write path. */
export interface OperatorSession {
  store: EventStore;
  directory: UserDirectory;
  administration: UserAdministration;
}

export async function withOperatorSession<T>(
  io: CliIo,
  work: (session: OperatorSession) => Promise<T>,
): Promise<T> {
  const store = createEventStore(eventStoreConfigFromEnv(io.env));
  const vault = new PersonalDataVault(resolve(io.env.DATA_DIR?.trim() || './data', 'personal-data-keys.db'));
  try {
    const commands = new CommandExecutor(store, systemClock, new AggregateLoader(store));
    const directory = new UserDirectory(store, vault);
    return await work({
      store,
      directory,
      administration: new UserAdministration(commands, directory, vault),
    });
  } finally {
    vault.close();
    await store.close();
  }
}
