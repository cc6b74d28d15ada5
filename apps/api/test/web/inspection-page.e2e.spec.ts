import { givenOverdueAction, startTestApp, type TestApp } from '../test-app';
import { givenPassword, signedInAgent } from './web-session';

/** `/inspections/:id`: the plan's findings by category with their actions, and its progress week by week. */
describe('Inspection page', () => {
  let t: TestApp;
  let overdue: { inspectionId: string; actionId: string; position: number };
  let secondFinding: string;
  let completedAction: string;
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'owner', 'board', 'otherLead'] as const) await givenPassword(t, name);
    overdue = await givenOverdueAction(t); // planned and assigned in the week of Monday 2 November 2026
    const finding = await t.http
      .post(`/api/inspections/${overdue.inspectionId}/findings`)
      .send({ category: 'area_for_development', timescale: 'within_6_months', text: 'Improve supervision.' })
      .expect(201);
    secondFinding = finding.body.id;
    const action = await t.http
      .post(`/api/findings/${secondFinding}/actions`)
      .send({ title: 'Monthly supervision audit' })
      .expect(201);
    completedAction = action.body.id;
    t.clock.set('2026-11-11T10:00:00.000Z'); // the next week
    await t.http
      .post(`/api/actions/${completedAction}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2026-12-31' })
      .expect(200);
    const completed = await t.users.owner.http
      .post(`/api/actions/${completedAction}/complete`)
      .send({ summary: 'Audited' })
      .expect(200);
    await t.http.get(`/api/reports/overdue?after=${completed.body.position}`).expect(200);
  });
  afterAll(() => t.close());

  it("shows the findings by category in the letter's order, each action's owner, due date, status and lateness", async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const page = (await agent.get(`/inspections/${overdue.inspectionId}`).expect(200)).text;
    expect(page).toContain('<h1 class="govuk-heading-l">Durham County Council</h1>');
    const priority = page.indexOf('Priority action</h3>');
    const improvement = page.indexOf('Area for development</h3>');
    expect(priority).toBeGreaterThan(0);
    expect(improvement).toBeGreaterThan(priority);
    expect(page.indexOf('Screen contacts promptly.')).toBeGreaterThan(priority);
    expect(page.indexOf('Improve supervision.')).toBeGreaterThan(improvement);
    expect(page).toContain(`href="/actions/${overdue.actionId}"`);
    expect(page).toContain(`href="/actions/${completedAction}"`);
    expect(page).toContain('Test owner');
    expect(page).toContain('20 April 2010');
    expect(page).toMatch(/\d+ days overdue/);
    expect(page).toContain('31 December 2026');
    expect(page).toMatch(/govuk-tag--turquoise">\s*Completed\s*</);
    const plan = (await t.http.get(`/api/inspections/${overdue.inspectionId}/plan`).expect(200)).body;
    expect(page).toContain(`govuk-tag--${plan.rag.status === 'amber' ? 'orange' : plan.rag.status}`);
    expect(page).toContain('17 February 2010');
  });

  it('draws the weekly progress from the log as an accessible SVG, with the same figures in a table', async () => {
    const { agent } = await signedInAgent(t, 'board');
    const page = (await agent.get(`/inspections/${overdue.inspectionId}`).expect(200)).text;
    expect(page).toMatch(
      /<svg class="app-chart" role="img" aria-labelledby="progress-chart-title progress-chart-desc"/,
    );
    expect(page).toContain('<title id="progress-chart-title">');
    expect(page).toContain('In the latest week 1 open, 1 completed and 0 verified.');
    expect(page).not.toMatch(/style="/);
    const rows = [
      ...page.matchAll(
        /<th scope="row" class="govuk-table__header">([^<]+)<\/th>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>(\d+)<\/td>/g,
      ),
    ].map((match) => match.slice(1).join(' '));
    expect(rows).toEqual(['2 November 2026 2 0 0', '9 November 2026 1 1 0']);
    expect(page.match(/<rect class="app-chart__(open|completed|verified)"/g)).toHaveLength(3);
  });

  it('shows a board member no form but sign-out', async () => {
    const { agent } = await signedInAgent(t, 'board');
    const page = (await agent.get(`/inspections/${overdue.inspectionId}`).expect(200)).text;
    expect(page.match(/<form/g)).toHaveLength(1);
    expect(page).toContain(`href="/audit?inspection=${overdue.inspectionId}"`);
    const { agent: owner } = await signedInAgent(t, 'owner');
    const ownersPage = (await owner.get(`/inspections/${overdue.inspectionId}`).expect(200)).text;
    expect(ownersPage).toContain(`href="/actions/${overdue.actionId}"`);
    expect(ownersPage).not.toContain('href="/audit'); // an owner may not read the trail
    expect(page).toContain('action="/sign-out"');
  });

  it("is a 404 for another organisation's lead, and for an inspection that does not exist", async () => {
    const { agent } = await signedInAgent(t, 'otherLead');
    const page = await agent.get(`/inspections/${overdue.inspectionId}`).expect(404);
    expect(page.text).toContain('Page not found');
    expect(page.text).not.toContain('Screen contacts promptly.');
    await agent.get('/inspections/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('waits for a write it is told of with ?after=, and refuses an after that is not a position', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const verified = await t.http.post(`/api/actions/${completedAction}/verify`).send({}).expect(200);
    const page = (
      await agent.get(`/inspections/${overdue.inspectionId}?after=${verified.body.position}`).expect(200)
    ).text;
    expect(page).toContain('In the latest week 1 open, 0 completed and 1 verified.');
    await agent.get(`/inspections/${overdue.inspectionId}?after=soon`).expect(400);
  });
});
