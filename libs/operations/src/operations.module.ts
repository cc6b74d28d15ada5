import { COMMAND_OBSERVER } from '@actionledger/command-handling';
import type { OperationsSettings } from '@actionledger/settings';
import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { jsonLoggingModule } from './logging/json-logging.module';
import { ActionLedgerMetrics } from './metrics/actionledger-metrics';
import { RemindersQueueDepth } from './metrics/reminders-queue-depth';
import { ShutdownState } from './shutdown/shutdown-state';

export const OPERATIONS_SETTINGS = Symbol('OperationsSettings');

export interface OperationsOptions {
  app: 'api' | 'worker';
  settings: OperationsSettings;
  /** The reminders' queue, whose depth /metrics reports (whether or not this process runs reminders). */
  remindersQueue: { connection: ConnectionOptions; keyPrefix: string; queueName: string };
}

@Injectable()
class QueueDepthCloser implements OnApplicationShutdown {
  constructor(@Inject(RemindersQueueDepth) private readonly depth: RemindersQueueDepth) {}

  async onApplicationShutdown(): Promise<void> {
    await this.depth.close();
  }
}

/**
 * What an operator watches, for the API and the worker alike: JSON logs, the metrics (which the write path
 * reports to, being the CommandObserver of every CommandExecutor in the process) and the shutdown state.
 */
@Global()
@Module({})
export class OperationsModule {
  static forRoot(options: OperationsOptions): DynamicModule {
    const metrics = new ActionLedgerMetrics(options.app);
    const depth = new RemindersQueueDepth(options.remindersQueue);
    metrics.watch({ queueDepth: () => depth.counts() });
    return {
      module: OperationsModule,
      imports: [jsonLoggingModule(options.settings, options.app)],
      providers: [
        { provide: OPERATIONS_SETTINGS, useValue: options.settings },
        { provide: ActionLedgerMetrics, useValue: metrics },
        { provide: COMMAND_OBSERVER, useExisting: ActionLedgerMetrics },
        { provide: RemindersQueueDepth, useValue: depth },
        QueueDepthCloser,
        ShutdownState,
      ],
      exports: [OPERATIONS_SETTINGS, ActionLedgerMetrics, COMMAND_OBSERVER, ShutdownState],
    };
  }
}
