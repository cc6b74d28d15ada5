import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@actionledger/event-store';
import type { CliIo } from './cli-io';

/** Opens the event store the environment names (DATA_DIR, EVENT_STORE, …), runs `work`, and closes it. */
export async function withEventStore<T>(io: CliIo, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = createEventStore(eventStoreConfigFromEnv(io.env));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
