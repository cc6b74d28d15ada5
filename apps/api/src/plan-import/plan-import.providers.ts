import { ConfirmPlanImportHandler } from './confirm-plan-import.handler';
import { EditPlanImportHandler } from './edit-plan-import.handler';
import { ImportPlanHandler } from './import-plan.handler';
import { PlanExportService } from './plan-export.service';
import { planImportPortsProvider } from './plan-import.ports.provider';

/** Importing a plan from a spreadsheet, and exporting one to it. */
export const planImportProviders = [
  planImportPortsProvider,
  ImportPlanHandler,
  EditPlanImportHandler,
  ConfirmPlanImportHandler,
  PlanExportService,
];
