import { postJson } from './api-process';

/** Through the API: an inspection, a priority-action finding, and `count` actions on it, each assigned. */
export async function assignedActions(baseUrl: string, count: number): Promise<string[]> {
  const inspection = await postJson(baseUrl, '/api/inspections', {
    authority: 'Hartlepool Borough Council',
    inspectionType: 'contact_referral_assessment',
    inspectionDates: ['2026-10-20'],
  });
  const finding = await postJson(baseUrl, `/api/inspections/${inspection.body.id}/findings`, {
    category: 'priority_action',
    timescale: 'immediately',
    text: 'Ensure that referrals are acknowledged within one working day.',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const action = await postJson(baseUrl, `/api/findings/${finding.body.id}/actions`, {
      title: `Action ${i}`,
    });
    await postJson(baseUrl, `/api/actions/${action.body.id}/assign`, {
      ownerId: `owner-${i}`,
      dueDate: '2099-01-01',
    });
    ids.push(action.body.id!);
  }
  return ids;
}
