import type { Clock } from '@actionledger/command-handling';
import { bullConnection, REMINDERS_QUEUE, RemindersModule } from '@actionledger/reminders';
import { OperationsModule } from '@actionledger/operations';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateSettings } from '@actionledger/settings';
import { WorkerHealthController } from './health/worker-health.controller';
import { ProjectionsProcessorModule } from './projections/projections-processor.module';
import { WorkerCoreModule } from './worker-core.module';
import type { WorkerConfig } from './worker-config';

/**
 * What the worker runs, one module each. A processor injects what WorkerCoreModule exports (store, write path,
 * Redis, keys, config) or brings its own (the reminders), and starts and stops itself with Nest's lifecycle
 * hooks; add it here.
 */
export function workerProcessors(config: WorkerConfig, clock?: Clock): (Type | DynamicModule)[] {
  return [
    ProjectionsProcessorModule,
    ...(config.reminders.enabled ? [RemindersModule.forRoot(config.reminders, clock)] : []),
  ];
}

@Module({})
export class WorkerModule {
  static forRoot(
    config: WorkerConfig,
    options: { clock?: Clock; processors?: (Type | DynamicModule)[] } = {},
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateSettings(env, 'worker'),
        }),
        OperationsModule.forRoot({
          app: 'worker',
          settings: config.operations,
          remindersQueue: {
            connection: bullConnection(config.reminders.redisUrl),
            keyPrefix: config.reminders.keyPrefix,
            queueName: REMINDERS_QUEUE,
          },
        }),
        WorkerCoreModule.forRoot(config, options.clock),
        ...(options.processors ?? workerProcessors(config, options.clock)),
      ],
      controllers: [WorkerHealthController],
    };
  }
}
