import { draftPlanImport, type PlanImportPorts } from '@actionledger/spreadsheets';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ImportPlanCommand } from './import-plan.command';
import { PLAN_IMPORT_PORTS } from './plan-import.ports.provider';

/** Reads the sheet and records a draft; nothing of the plan is recorded until the lead confirms it. */
@CommandHandler(ImportPlanCommand)
export class ImportPlanHandler implements ICommandHandler<ImportPlanCommand> {
  constructor(@Inject(PLAN_IMPORT_PORTS) private readonly ports: PlanImportPorts) {}

  execute({ upload, target, context }: ImportPlanCommand) {
    return draftPlanImport(this.ports, { ...upload, target, context });
  }
}
