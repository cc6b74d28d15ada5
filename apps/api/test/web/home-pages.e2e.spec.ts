import { givenOverdueAction, startTestApp, type TestApp } from '../test-app';
import { givenPassword, signedInAgent } from './web-session';

/** The home page of each role, drawn from the read models the JSON routes answer from. */
describe('Home pages', () => {
  let t: TestApp;
  let overdue: { inspectionId: string; actionId: string; position: number };
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'owner', 'board', 'admin', 'otherLead'] as const)
      await givenPassword(t, name);
    overdue = await givenOverdueAction(t);
    await t.http.get(`/api/reports/overdue?after=${overdue.position}`).expect(200);
  });
  afterAll(() => t.close());

  it("shows a lead the overdue priority action, its plan's RAG status and deadline, and the header's sign-out", async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const page = (await agent.get('/').expect(200)).text;
    const plan = (await t.http.get(`/api/inspections/${overdue.inspectionId}/plan`).expect(200)).body;
    expect(page).toContain('Overdue priority actions');
    expect(page).toContain(`href="/actions/${overdue.actionId}"`);
    expect(page).toContain('Test lead (Lead)');
    expect(page).toContain('action="/sign-out"');
    expect(page).toContain(`govuk-tag--${plan.rag.status === 'amber' ? 'orange' : plan.rag.status}`);
    expect(plan.deadline.date).toBe('2010-02-17');
    expect(page).toContain('17 February 2010');
  });

  it('shows an owner their actions, and what was sent back with why', async () => {
    const { agent } = await signedInAgent(t, 'owner');
    let page = (await agent.get('/').expect(200)).text;
    expect(page).toContain('My actions');
    expect(page).toContain(`href="/actions/${overdue.actionId}"`);
    expect(page).not.toContain('Sent back to you');
    await t.users.owner.http
      .post(`/api/actions/${overdue.actionId}/complete`)
      .send({ summary: 'Audited' })
      .expect(200);
    const reopened = await t.http
      .post(`/api/actions/${overdue.actionId}/reopen`)
      .send({ reason: 'Three contacts were missed' })
      .expect(200);
    await t.http.get(`/api/reports/overdue?after=${reopened.body.position}`).expect(200);
    page = (await agent.get('/').expect(200)).text;
    expect(page).toContain('Sent back to you');
    expect(page).toContain('Three contacts were missed');
  });

  it('shows a board member the plans, the overdue list and the audit trail, and no form but sign-out', async () => {
    const { agent } = await signedInAgent(t, 'board');
    const page = (await agent.get('/').expect(200)).text;
    expect(page).toContain('Plans and progress');
    expect(page).toContain('Overdue actions');
    expect(page).toContain('href="/audit"');
    expect(page.match(/<form/g)).toHaveLength(1);
    expect(page).toContain('action="/sign-out"');
  });

  it("shows another organisation's lead none of Durham's actions", async () => {
    const { agent } = await signedInAgent(t, 'otherLead');
    const page = (await agent.get('/').expect(200)).text;
    expect(page).not.toContain(overdue.actionId);
    expect(page).toContain('No priority action is overdue.');
  });

  it('sends someone not signed in to the sign-in page', async () => {
    await t.anonymous.get('/').expect(303).expect('Location', '/sign-in');
  });
});
