import { listActions } from '../actions-list/actions-list.query';
import { dueSoonReport } from '../due-soon/due-soon.query';
import { getInspectionPlan } from '../inspection-plan/inspection-plan.query';
import { listInspections } from '../inspections-list/inspections-list.query';
import { overdueReport } from '../overdue-report/overdue-report.query';
import { ownerActions } from '../owner-actions/owner-actions.query';
import { InvalidQueryError, ProjectionRebuildingError } from '../runner/projection.errors';
import { ProjectionRunner } from '../runner/projection-runner';
import { PlanScript } from '../testing/plan-script';
import { projectionTestBed } from '../testing/redis-test-setup';
import { PlansProjection } from './plans.projection';
import type { ReadModelContext } from './read-model.context';

const ORG = 'org-durham';
const OTHER = 'org-sunderland';

/** Two organisations; in Durham two inspections, actions overdue, due soon, moved, done. */
function script(): PlanScript {
  return new PlanScript(new Date('2026-03-02T09:30:00Z'))
    .recordInspection(ORG, 'i-old', { letterDate: '2025-11-18', inspectionDates: ['2025-11-10'] })
    .raiseFinding('i-old', 'f-old', 'area_for_development')
    .planAction('f-old', 'a-done')
    .assign('a-done', 'jo', '2026-03-05')
    .complete('a-done')
    .recordInspection(ORG, 'i-new', { letterDate: '2026-02-18', inspectionDates: ['2026-02-10'] })
    .raiseFinding('i-new', 'f-pa', 'priority_action')
    .raiseFinding('i-new', 'f-ad', 'area_for_development')
    .planAction('f-pa', 'a-late')
    .assign('a-late', 'jo', '2026-03-20')
    .planAction('f-pa', 'a-moved')
    .assign('a-moved', 'sam', '2026-03-10')
    .reschedule('a-moved', '2026-04-20')
    .planAction('f-ad', 'a-soon')
    .assign('a-soon', 'jo', '2026-04-15')
    .planAction('f-ad', 'a-unassigned')
    .recordInspection(OTHER, 'i-other')
    .raiseFinding('i-other', 'f-other')
    .planAction('f-other', 'a-other')
    .assign('a-other', 'jo', '2026-03-03');
}

describe('the read models, projected from a real log into real Redis', () => {
  const bed = projectionTestBed();
  let runner: ProjectionRunner;
  let context: ReadModelContext;
  let now = new Date('2026-04-10T09:00:00Z');

  beforeAll(async () => {
    const store = bed.openStore();
    runner = new ProjectionRunner({
      store,
      redis: bed.redis,
      keys: bed.keys,
      projections: [new PlansProjection(bed.keys)],
    });
    await runner.start();
    const position = await bed.append(store, script());
    await runner.waitFor(position);
    context = { redis: bed.redis, keys: bed.keys, clock: () => now };
  });
  afterAll(async () => {
    await runner.close();
    await bed.cleanUp();
  });

  it('lists the organisation’s inspections newest first, with counts by status and the plan’s RAG', async () => {
    const page = await listInspections(context, ORG);
    expect(page.items.map((i) => [i.inspectionId, i.rag, i.actions.byStatus, i.findings.total])).toEqual([
      ['i-new', 'red', { planned: 1, assigned: 3, completed: 0, verified: 0, withdrawn: 0 }, 2],
      ['i-old', 'green', { planned: 0, assigned: 0, completed: 1, verified: 0, withdrawn: 0 }, 1],
    ]);
    expect(page.ragRule.red).toMatch(/priority action/);
    const first = await listInspections(context, ORG, { limit: '1' });
    expect(first.items.map((i) => i.inspectionId)).toEqual(['i-new']);
    const second = await listInspections(context, ORG, { limit: '1', cursor: first.nextCursor });
    expect(second.items.map((i) => i.inspectionId)).toEqual(['i-old']);
    expect(second.nextCursor).toBeNull();
  });

  it('reports overdue actions most overdue first, against the current or the original due date', async () => {
    const current = await overdueReport(context, ORG);
    expect(current.items.map((i) => [i.actionId, i.daysOverdue, i.ownerId, i.timesMoved])).toEqual([
      ['a-late', 21, 'jo', 0],
    ]);
    expect(current.items[0]).toMatchObject({
      finding: { findingId: 'f-pa' },
      inspection: { inspectionId: 'i-new', authority: 'Durham County Council' },
    });
    const original = await overdueReport(context, ORG, { against: 'original' });
    expect(original.items.map((i) => [i.actionId, i.daysOverdue, i.timesMoved])).toEqual([
      ['a-moved', 31, 1],
      ['a-late', 21, 0],
    ]);
    expect((await overdueReport(context, ORG, { category: 'area_for_development' })).items).toEqual([]);
    await expect(overdueReport(context, ORG, { against: 'yesterday' })).rejects.toThrow(/Invalid against/);
  });

  it('judges overdue on the London calendar at query time, not when the event was projected', async () => {
    now = new Date('2026-03-20T23:30:00Z'); // still 20 March in London (GMT until 29 March): a-late is due today.
    expect((await overdueReport(context, ORG)).items.map((i) => i.actionId)).toEqual([]);
    now = new Date('2026-04-14T23:30:00Z'); // 00:30 on 15 April in London (BST): a-soon is due today, not overdue.
    const report = await overdueReport(context, ORG);
    expect(report.today).toBe('2026-04-15');
    expect(report.items.map((i) => i.actionId)).toEqual(['a-late']);
    now = new Date('2026-04-10T09:00:00Z');
  });

  it('lists what is due soon, and an owner’s open actions soonest first', async () => {
    const soon = await dueSoonReport(context, ORG, { days: '7' });
    expect(soon.items.map((i) => [i.actionId, i.daysUntilDue])).toEqual([['a-soon', 5]]);
    expect((await dueSoonReport(context, ORG, { days: '10' })).items.map((i) => i.actionId)).toEqual([
      'a-soon',
      'a-moved',
    ]);
    await expect(dueSoonReport(context, ORG, { days: 'soon' })).rejects.toThrow(InvalidQueryError);
    const jo = await ownerActions(context, ORG, 'jo');
    expect(jo.items.map((i) => i.actionId)).toEqual(['a-late', 'a-soon']);
    expect((await ownerActions(context, OTHER, 'jo')).items.map((i) => i.actionId)).toEqual(['a-other']);
  });

  it('filters actions across plans and pages through them', async () => {
    const ids = async (query: Record<string, unknown>) =>
      (await listActions(context, ORG, query)).items.map((i) => i.actionId);
    expect(await ids({})).toEqual(['a-done', 'a-late', 'a-moved', 'a-soon', 'a-unassigned']);
    expect(await ids({ status: 'assigned' })).toEqual(['a-late', 'a-moved', 'a-soon']);
    expect(await ids({ ownerId: 'jo' })).toEqual(['a-done', 'a-late', 'a-soon']);
    expect(await ids({ ownerId: 'jo', status: 'assigned' })).toEqual(['a-late', 'a-soon']);
    expect(await ids({ inspectionId: 'i-new', category: 'priority_action' })).toEqual(['a-late', 'a-moved']);
    expect(await ids({ overdue: 'true' })).toEqual(['a-late']);
    const first = await listActions(context, ORG, { limit: 2 });
    const second = await listActions(context, ORG, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.actionId)).toEqual([
      'a-done',
      'a-late',
      'a-moved',
      'a-soon',
    ]);
    await expect(listActions(context, ORG, { limit: 500 })).rejects.toThrow(/limit: must be at most 200/);
    await expect(listActions(context, ORG, { status: 'late' })).rejects.toThrow(/Invalid status/);
  });

  it("shows one inspection's plan, and nothing for another organisation's", async () => {
    const plan = await getInspectionPlan(context, ORG, 'i-new');
    expect(plan).toMatchObject({
      rag: { status: 'red' },
      actions: { total: 4, overdue: 1 },
      completedShare: 0,
      verifiedShare: 0,
      deadline: { workingDays: 20, from: '2026-02-18', date: '2026-03-18' },
    });
    expect(await getInspectionPlan(context, OTHER, 'i-new')).toBeNull();
    expect(await getInspectionPlan(context, ORG, 'no-such-inspection')).toBeNull();
  });

  it('answers "rebuilding" instead of a half-built list while a rebuild is under way', async () => {
    await bed.redis.set(bed.keys.rebuilding(), 'someone', 'PX', 5000);
    await expect(overdueReport(context, ORG)).rejects.toThrow(ProjectionRebuildingError);
    await expect(listInspections(context, ORG)).rejects.toThrow(ProjectionRebuildingError);
    await bed.redis.del(bed.keys.rebuilding());
    expect((await overdueReport(context, ORG)).items).toHaveLength(1);
  });
});
