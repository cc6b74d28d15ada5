import { editPlanImport, type PlanImportPorts } from '@actionledger/spreadsheets';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EditPlanImportCommand } from './edit-plan-import.command';
import { PLAN_IMPORT_PORTS } from './plan-import.ports.provider';

@CommandHandler(EditPlanImportCommand)
export class EditPlanImportHandler implements ICommandHandler<EditPlanImportCommand> {
  constructor(@Inject(PLAN_IMPORT_PORTS) private readonly ports: PlanImportPorts) {}

  execute({ draftId, changes, context }: EditPlanImportCommand) {
    return editPlanImport(this.ports, draftId, changes, context);
  }
}
