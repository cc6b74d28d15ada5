import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { authProviders, PersonalDataVaultCloser } from './auth/auth.providers';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { UsersController } from './users/users.controller';
import { AuditController } from './audit/audit.controller';
import { AuditTrail } from './audit/audit-trail';
import { CurrentAuditHeads } from './audit/current-audit-head';
import { ReadModelsController } from './read-models/read-models.controller';
import { ProjectionRunnerLifecycle, readModelProviders } from './read-models/read-models.providers';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@nestjs/config';
import { validateSettings } from '@actionledger/settings';
import { actionDeciderProvider } from './actions/action-decider.provider';
import { ActionsController } from './actions/actions.controller';
import { ExecuteActionHandler } from './actions/execute-action.handler';
import { AggregateLoader } from '@actionledger/command-handling';
import { CommandExecutor } from '@actionledger/command-handling';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { FindingsController } from './findings/findings.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { JudgeFindingAtFollowUpHandler } from './follow-ups/judge-finding-at-follow-up.handler';
import { ScheduleFollowUpHandler } from './follow-ups/schedule-follow-up.handler';
import { CorrectFindingHandler } from './findings/correct-finding.handler';
import { RaiseFindingHandler } from './findings/raise-finding.handler';
import { WithdrawInspectionHandler } from './inspections/withdraw-inspection.handler';
import { AboutController } from './health/about.controller';
import { HealthController } from './health/health.controller';
import { DomainErrorsFilter } from './http/domain-errors.filter';
import { CLOCK, systemClock, type Clock } from '@actionledger/command-handling';
import { EventStoreCloser, eventStoreProvider } from './infrastructure/event-store.provider';
import { InspectionsController } from './inspections/inspections.controller';
import { RecordInspectionHandler } from './inspections/record-inspection.handler';
import { ConfirmLetterDraftHandler } from './letters/confirm-letter-draft.handler';
import { EditLetterDraftHandler } from './letters/edit-letter-draft.handler';
import { ImportLetterHandler } from './letters/import-letter.handler';
import { LettersController } from './letters/letters.controller';
import { bullConnection, REMINDERS_QUEUE, RemindersModule } from '@actionledger/reminders';
import { OperationsModule } from '@actionledger/operations';
import { MetricsController } from './health/metrics.controller';
import { ReadyController } from './health/ready.controller';
import { signInThrottleProviders } from './auth/sign-in-throttle';
import { webControllers, webProviders } from './web/web-pages';
import { AttachEvidenceHandler } from './evidence/attach-evidence.handler';
import { EvidenceController } from './evidence/evidence.controller';
import { BlobStoreCloser, evidenceProviders } from './evidence/evidence.providers';
import { LetterParsingPoolCloser, letterParsingPoolProvider } from './letters/letter-parsing.provider';
import { InspectionIdentities } from './letters/inspection-identities';
import { CommitteeReportController } from './reports/committee-report.controller';
import { CommitteeReportCloser, committeeReportProvider } from './reports/committee-report.providers';
import { PlanImportsController } from './plan-import/plan-imports.controller';
import { planImportProviders } from './plan-import/plan-import.providers';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // The same check appConfigFromEnv made, so ConfigService (for any module that asks) holds checked values.
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => validateSettings(env, 'api'),
        }),
        OperationsModule.forRoot({
          app: 'api',
          settings: config.operations,
          remindersQueue: {
            connection: bullConnection(config.reminders.redisUrl),
            keyPrefix: config.reminders.keyPrefix,
            queueName: REMINDERS_QUEUE,
          },
        }),
        CqrsModule.forRoot(),
        ...(config.reminders.enabled ? [RemindersModule.forRoot(config.reminders, clock)] : []),
      ],
      controllers: [
        AboutController,
        HealthController,
        ReadyController,
        MetricsController,
        InspectionsController,
        FindingsController,
        ActionsController,
        LettersController,
        UsersController,
        AuditController,
        ReadModelsController,
        ...webControllers,
        EvidenceController,
        FollowUpsController,
        CommitteeReportController,
        PlanImportsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: APP_FILTER, useClass: DomainErrorsFilter },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        ...authProviders,
        PersonalDataVaultCloser,
        ...readModelProviders,
        ProjectionRunnerLifecycle,
        eventStoreProvider,
        AggregateLoader,
        CommandExecutor,
        EventStoreCloser,
        actionDeciderProvider,
        RecordInspectionHandler,
        RaiseFindingHandler,
        CorrectFindingHandler,
        WithdrawInspectionHandler,
        ExecuteActionHandler,
        letterParsingPoolProvider,
        InspectionIdentities,
        LetterParsingPoolCloser,
        ImportLetterHandler,
        EditLetterDraftHandler,
        ConfirmLetterDraftHandler,
        ...signInThrottleProviders,
        ...webProviders,
        ...evidenceProviders,
        BlobStoreCloser,
        AttachEvidenceHandler,
        ScheduleFollowUpHandler,
        JudgeFindingAtFollowUpHandler,
        committeeReportProvider,
        CommitteeReportCloser,
        ...planImportProviders,
        AuditTrail,
        CurrentAuditHeads,
      ],
    };
  }
}
