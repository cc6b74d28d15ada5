import { verifyEventLog } from '@actionledger/audit';
import { givenOverdueAction, givenPlannedAction, startTestApp, type TestApp } from '../test-app';
import { givenPassword, signedInAgent } from './web-session';

/** `/audit`: the organisation's trail with its filters, the audit head to minute, and the CSV of the same filter. */
describe('Audit trail page', () => {
  let t: TestApp;
  let overdue: { inspectionId: string; actionId: string; position: number };
  let other: { inspectionId: string; actionId: string };
  let otherOrganisation: { inspectionId: string; actionId: string };
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'owner', 'board', 'admin', 'otherLead'] as const)
      await givenPassword(t, name);
    overdue = await givenOverdueAction(t); // assigned to the owner on 2 November 2026
    t.clock.set('2026-11-20T10:00:00.000Z');
    other = await givenPlannedAction(t.http);
    await t.http
      .post(`/api/actions/${other.actionId}/assign`)
      .send({ ownerId: t.users.secondOwner.userId, dueDate: '2027-01-29' })
      .expect(200);
    const assigned = await t.users.owner.http
      .post(`/api/actions/${overdue.actionId}/complete`)
      .send({ summary: 'Audited every contact' })
      .expect(200);
    otherOrganisation = await givenPlannedAction(t.users.otherLead.http);
    await t.http.get(`/api/reports/overdue?after=${assigned.body.position}`).expect(200);
  });
  afterAll(() => t.close());

  it("shows a board member the organisation's trail, who did what and why, and the audit head to minute", async () => {
    const { agent } = await signedInAgent(t, 'board');
    const page = (await agent.get('/audit').expect(200)).text;
    const { head } = await verifyEventLog(t.store);
    expect(page).toContain(`<code class="app-digest">${head!.digest}</code>`);
    expect(page).toContain('Audit head to minute');
    expect(page).toContain('Action assigned');
    expect(page).toContain('Action completed');
    expect(page).toContain('owner: — → Test owner');
    expect(page).toContain(`href="/actions/${overdue.actionId}"`);
    expect(page).toContain(`href="/inspections/${overdue.inspectionId}"`);
    expect(page).not.toContain(otherOrganisation.actionId);
    expect(page).toContain('href="/audit"');
    expect(page).not.toContain('href="/users"'); // the navigation has no administration for a board member
    expect(page.match(/<form/g)).toHaveLength(2); // the GET filter and sign-out; nothing that changes anything
    expect(page).not.toMatch(/<form method="post"(?! action="\/sign-out")/);
  });

  it('moves the audit head on when the log grows, to the head `audit verify` takes of the whole log', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const digestOf = (html: string) =>
      /<code class="app-digest">(ah1-\d+-[0-9a-f]{64})<\/code>/.exec(html)![1];
    const before = digestOf((await agent.get('/audit').expect(200)).text);
    await t.http
      .post(`/api/actions/${other.actionId}/progress`)
      .send({ note: 'Half the contacts audited' })
      .expect(200);
    const after = digestOf((await agent.get('/audit').expect(200)).text);
    expect(after).not.toBe(before);
    expect(after).toBe((await verifyEventLog(t.store)).head!.digest);
  });

  it('filters by inspection, by action, by person and by date', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const byInspection = (await agent.get(`/audit?inspection=${other.inspectionId}`).expect(200)).text;
    expect(byInspection).toContain(`href="/actions/${other.actionId}"`);
    expect(byInspection).not.toContain(`href="/actions/${overdue.actionId}"`);
    expect(byInspection).toContain(`value="${other.inspectionId}" selected`);

    const byAction = (await agent.get(`/audit?action=${overdue.actionId}`).expect(200)).text;
    expect(byAction).toContain('Action completed');
    expect(byAction).not.toContain('Inspection recorded');

    const byOwner = (await agent.get(`/audit?person=${t.users.owner.userId}`).expect(200)).text;
    expect(byOwner).toContain('Action completed');
    expect(byOwner).not.toContain('Action assigned');

    const late = (await agent.get('/audit?from-day=20&from-month=11&from-year=2026').expect(200)).text;
    expect(late).toContain(`href="/actions/${other.actionId}"`);
    expect(late).not.toContain('owner: — → Test owner');
  });

  it('names each field that is wrong with a GOV.UK error summary', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const page = await agent.get('/audit?action=ACT-1&from-day=31&from-month=2&from-year=2026').expect(400);
    expect(page.text).toContain('<title>Error: Audit trail');
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toContain('href="#action"');
    expect(page.text).toContain('href="#from-day"');
    expect(page.text).toContain('The from date must be a real date');
  });

  it('downloads the same filter as CSV', async () => {
    const { agent } = await signedInAgent(t, 'admin');
    const page = (await agent.get(`/audit?person=${t.users.owner.userId}`).expect(200)).text;
    expect(page).toContain(`href="/audit/trail.csv?person=${t.users.owner.userId}"`);
    const csv = await agent.get(`/audit/trail.csv?person=${t.users.owner.userId}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('audit-trail.csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toContain('position,occurredAt,stream');
    expect(lines.slice(1).every((line) => line.includes('Test owner'))).toBe(true);
    expect(lines.some((line) => line.includes('ActionCompleted'))).toBe(true);
  });

  it("is a 404 for another organisation's inspection or action, and closed to owners", async () => {
    const { agent } = await signedInAgent(t, 'otherLead');
    await agent.get(`/audit?inspection=${overdue.inspectionId}`).expect(404);
    await agent.get(`/audit?action=${overdue.actionId}`).expect(404);
    await agent.get(`/audit/trail.csv?action=${overdue.actionId}`).expect(404);
    const { agent: owner } = await signedInAgent(t, 'owner');
    await owner.get('/audit').expect(403);
  });
});
