import { UserDirectory } from '@actionledger/auth';
import { CLOCK, type Clock } from '@actionledger/command-handling';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { CommitteeReportService } from '@actionledger/reports';
import { Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';

export const committeeReportProvider: Provider = {
  provide: CommitteeReportService,
  inject: [EVENT_STORE, UserDirectory, CLOCK],
  useFactory: (store: EventStore, directory: UserDirectory, clock: Clock) =>
    new CommitteeReportService(store, directory, clock),
};

/** The browser that prints PDFs is started on the first one and stopped with the app. */
@Injectable()
export class CommitteeReportCloser implements OnApplicationShutdown {
  constructor(private readonly reports: CommitteeReportService) {}
  onApplicationShutdown(): Promise<void> {
    return this.reports.close();
  }
}
