import { describeEventStoreContract } from '../event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const describeIf = connectionString ? describe : describe.skip;
if (!connectionString) {
  // Straight to stderr: jest drops what a file whose tests are all skipped logs through console.
  process.stderr.write(
    'KurrentDbEventStore contract SKIPPED: EVENTSTORE_CONNECTION_STRING is not set, so there is no EventStoreDB / ' +
      'KurrentDB to test against. Set it (e.g. kurrentdb://localhost:2113?tls=false) to run the suite.\n',
  );
}

describeIf('KurrentDbEventStore (needs EVENTSTORE_CONNECTION_STRING; skipped without it)', () => {
  describeEventStoreContract('KurrentDbEventStore', async () => new KurrentDbEventStore(connectionString!));
});
