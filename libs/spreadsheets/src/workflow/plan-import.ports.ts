import type { AggregateLoader, CommandExecutor } from '@actionledger/command-handling';
import type { EventStore } from '@actionledger/event-store';
import type { KnownUser } from '../matching/owner-matching';

/** What recording and correcting a plan import works with, in the API and at the command line alike. */
export interface PlanImportPorts {
  store: EventStore;
  loader: AggregateLoader;
  commands: CommandExecutor;
  /** The organisation's active users, with their names and emails, for matching owners. */
  usersOf(organisationId: string): Promise<KnownUser[]>;
}
