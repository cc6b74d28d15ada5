import type { DueDatePolicy } from '@actionledger/domain';
import { confirmPlanImport, type PlanImportPorts } from '@actionledger/spreadsheets';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConfirmPlanImportCommand } from './confirm-plan-import.command';
import { PLAN_IMPORT_PORTS } from './plan-import.ports.provider';

/** Every accepted row becomes its events, in one atomic write; confirming again returns the first result. */
@CommandHandler(ConfirmPlanImportCommand)
export class ConfirmPlanImportHandler implements ICommandHandler<ConfirmPlanImportCommand> {
  private readonly policy: DueDatePolicy;

  constructor(
    @Inject(PLAN_IMPORT_PORTS) private readonly ports: PlanImportPorts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = config.dueDatePolicy;
  }

  execute({ draftId, context }: ConfirmPlanImportCommand) {
    return confirmPlanImport(this.ports, draftId, context, this.policy);
  }
}
