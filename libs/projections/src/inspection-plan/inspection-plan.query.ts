import { beginQuery, readDocuments, type ReadModelContext } from '../plans/read-model.context';
import type { ActionDoc, FindingDoc, InspectionDoc } from '../plans/plan-documents';
import { buildPlanView, type PlanView } from './inspection-plan.view';

/** An inspection with its findings and their actions, as documents (three reads). */
export async function readPlanDocuments(
  context: ReadModelContext,
  organisationId: string,
  inspections: readonly InspectionDoc[],
): Promise<{ findings: FindingDoc[]; actions: ActionDoc[] }> {
  const findings = await readDocuments(
    context,
    organisationId,
    'finding',
    inspections.flatMap((inspection) => inspection.findingIds),
  );
  const actions = await readDocuments(
    context,
    organisationId,
    'action',
    findings.flatMap((finding) => finding.actionIds),
  );
  return { findings, actions };
}

/** `GET /api/inspections/:id/plan`; null for an inspection the organisation does not have (404). */
export async function getInspectionPlan(
  context: ReadModelContext,
  organisationId: string,
  inspectionId: string,
): Promise<PlanView | null> {
  const today = await beginQuery(context);
  const [inspection] = await readDocuments(context, organisationId, 'inspection', [inspectionId]);
  if (!inspection) return null;
  const { findings, actions } = await readPlanDocuments(context, organisationId, [inspection]);
  return buildPlanView(inspection, findings, actions, today);
}
