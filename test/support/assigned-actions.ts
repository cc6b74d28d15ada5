import { postJson } from './api-process';
import type { OperatorUsers } from './operator-users';

/** Through the API: an inspection, a priority-action finding, and `count` actions on it, each assigned. */
export async function assignedActions(
  baseUrl: string,
  count: number,
  users: OperatorUsers,
): Promise<string[]> {
  const post = (path: string, body: unknown) => postJson(baseUrl, path, body, users.authorization);
  const inspection = await post('/api/inspections', {
    authority: 'Hartlepool Borough Council',
    inspectionType: 'contact_referral_assessment',
    inspectionDates: ['2026-10-20'],
  });
  const finding = await post(`/api/inspections/${inspection.body.id}/findings`, {
    category: 'priority_action',
    timescale: 'immediately',
    text: 'Ensure that referrals are acknowledged within one working day.',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const action = await post(`/api/findings/${finding.body.id}/actions`, {
      title: `Action ${i}`,
    });
    await post(`/api/actions/${action.body.id}/assign`, {
      ownerId: users.ownerId,
      dueDate: '2099-01-01',
    });
    ids.push(action.body.id!);
  }
  return ids;
}
