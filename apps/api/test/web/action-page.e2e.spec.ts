import { actionStreamId } from '@actionledger/domain';
import { givenOverdueAction, givenPlannedAction, startTestApp, type TestApp } from '../test-app';
import { csrfTokenIn, givenPassword, signedInAgent, type BrowserAgent } from './web-session';

/** The action page over HTTP: its facts, the forms each role gets, what a form records and what it refuses. */
describe('The action page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'secondLead', 'owner', 'secondOwner', 'board', 'otherLead'] as const) {
      await givenPassword(t, name);
    }
  });
  afterAll(() => t.close());

  async function pageOf(agent: BrowserAgent, actionId: string, status = 200) {
    return (await agent.get(`/actions/${actionId}`).expect(status)).text;
  }

  async function post(
    agent: BrowserAgent,
    actionId: string,
    transition: string,
    form: Record<string, string>,
    status: number,
  ) {
    const page = await pageOf(agent, actionId);
    const version = /name="version" value="(\d+)"/.exec(page)?.[1] ?? '';
    return agent
      .post(`/actions/${actionId}/${transition}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), version, ...form })
      .expect(status);
  }

  it('shows the due date, the original one and how often it moved, and a form per transition the lead may make', async () => {
    const { actionId } = await givenOverdueAction(t);
    const lead = (await signedInAgent(t, 'lead')).agent;
    const moved = await post(
      lead,
      actionId,
      'reschedule',
      {
        'dueDate-day': '31',
        'dueDate-month': '1',
        'dueDate-year': '2027',
        reason: 'The audit team is short of two staff',
      },
      303,
    );
    expect(moved.headers.location).toMatch(new RegExp(`^/actions/${actionId}\\?after=\\d+&done=reschedule$`));
    const page = (await lead.get(moved.headers.location).expect(200)).text;
    expect(page).toContain('The due date is moved');
    expect(page).toContain('31 January 2027');
    expect(page).toContain('20 April 2010'); // the original due date
    expect(page).toMatch(/Times the due date moved\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1/);
    expect(page).toContain('Why: The audit team is short of two staff');
    for (const transition of ['progress', 'complete', 'reschedule', 'reassign']) {
      expect(page).toContain(`action="/actions/${actionId}/${transition}"`);
    }
    expect(page).not.toContain(`action="/actions/${actionId}/verify"`);
  });

  it('names each field to correct, keeps what was typed, and appends nothing', async () => {
    const { actionId } = await givenOverdueAction(t);
    const lead = (await signedInAgent(t, 'lead')).agent;
    const before = await t.eventCount();
    const refused = await post(
      lead,
      actionId,
      'reschedule',
      {
        'dueDate-day': '30',
        'dueDate-month': '2',
        'dueDate-year': '2027',
        reason: '',
      },
      400,
    );
    expect(refused.text).toContain('govuk-error-summary');
    expect(refused.text).toContain('href="#reschedule-dueDate-day"');
    expect(refused.text).toContain('Enter the new due date as a real date');
    expect(refused.text).toContain('href="#reschedule-reason"');
    expect(refused.text).toContain('Enter why the due date is moving');
    expect(refused.text).toMatch(/name="dueDate-day"[^>]*value="30"|value="30"[^>]*name="dueDate-day"/);
    expect(await t.eventCount()).toBe(before);
  });

  it('lets the owner record progress and complete, the lead verify, and refuses a form sent from a stale page', async () => {
    const { actionId } = await givenOverdueAction(t);
    const owner = (await signedInAgent(t, 'owner')).agent;
    let page = await pageOf(owner, actionId);
    expect(page).toContain(`action="/actions/${actionId}/progress"`);
    expect(page).not.toContain(`action="/actions/${actionId}/reschedule"`);
    await post(owner, actionId, 'progress', { note: 'Half the contacts audited' }, 303);
    await post(
      owner,
      actionId,
      'complete',
      {
        summary: 'All audited',
        evidence: 'audit.pdf\n\nsample.xlsx',
      },
      303,
    );
    const action = (await t.http.get(`/api/actions/${actionId}`).expect(200)).body;
    expect(action.status).toBe('completed');
    expect(action.completion.evidence).toEqual(['audit.pdf', 'sample.xlsx']);

    const lead = (await signedInAgent(t, 'lead')).agent;
    page = await pageOf(lead, actionId);
    expect(page).toContain('All audited');
    expect(page).toContain(`action="/actions/${actionId}/verify"`);
    await post(lead, actionId, 'verify', { note: 'Checked 20' }, 303);
    expect((await t.http.get(`/api/actions/${actionId}`).expect(200)).body.status).toBe('verified');

    // A reason left out, and a form from a page drawn at an older version: both refused, nothing appended to the
    // action (the verification also resolves its finding, in the background: the whole log may still grow).
    const actionEvents = async () => (await t.store.readStream(actionStreamId(actionId))).length;
    const before = await actionEvents();
    const again = await post(lead, actionId, 'reopen', { reason: '' }, 400);
    expect(again.text).toContain('Enter why the action is being sent back');
    const stale = await lead
      .post(`/actions/${actionId}/reopen`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), version: '1', reason: 'Evidence missing' })
      .expect(409);
    expect(stale.text).toContain('Someone else changed this action');
    expect(await actionEvents()).toBe(before);
  });

  it('gives another owner no form on an action that is not theirs, and refuses a post to it', async () => {
    const { actionId } = await givenOverdueAction(t);
    const other = (await signedInAgent(t, 'secondOwner')).agent;
    const page = await pageOf(other, actionId);
    expect(page).not.toContain(`action="/actions/${actionId}/`);
    const before = await t.eventCount();
    const refused = await other
      .post(`/actions/${actionId}/complete`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), summary: 'Not mine' })
      .expect(403);
    expect(refused.text).toContain('only actions assigned to you');
    expect(await t.eventCount()).toBe(before);
  });

  it('gives a board member the facts and the history, no form but sign-out, and refuses a post', async () => {
    const { actionId } = await givenOverdueAction(t);
    const board = (await signedInAgent(t, 'board')).agent;
    const page = await pageOf(board, actionId);
    expect(page.match(/<form /g)).toHaveLength(1);
    expect(page).toContain('History');
    const before = await t.eventCount();
    await board
      .post(`/actions/${actionId}/progress`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), note: 'Board note' })
      .expect(403);
    expect(await t.eventCount()).toBe(before);
  });

  it('lists the evidence files with their size, who attached them and when, each a link to the file', async () => {
    const { actionId } = await givenOverdueAction(t);
    t.clock.set('2026-11-02T09:30:00.000Z');
    const attached = await t.users.owner.http
      .post(`/api/actions/${actionId}/evidence`)
      .attach('files', Buffer.from('Minutes of the practice board, 2 November\n'), 'minutes.txt')
      .expect(201);
    const sha256 = attached.body.files[0].sha256 as string;
    const board = (await signedInAgent(t, 'board')).agent;
    const page = await pageOf(board, actionId);
    const row =
      /<tr class="govuk-table__row">\s*<td class="govuk-table__cell"><a class="govuk-link" href="\/api\/evidence\/([0-9a-f]{64})">minutes\.txt<\/a><\/td>\s*<td class="govuk-table__cell">(.*?)<\/td>\s*<td class="govuk-table__cell">(.*?)<\/td>/.exec(
        page,
      );
    expect(row?.slice(1)).toEqual([sha256, '42 bytes', 'Test owner']);
    const file = await board.get(`/api/evidence/${sha256}`).expect(200);
    expect(file.headers['content-disposition']).toContain('minutes.txt');
  });

  it('assigns a planned action from the form, to an owner chosen by name', async () => {
    const { actionId } = await givenPlannedAction(t.http);
    const lead = (await signedInAgent(t, 'lead')).agent;
    const page = await pageOf(lead, actionId);
    expect(page).toContain(`<option value="${t.users.owner.userId}">Test owner</option>`);
    const missing = await post(lead, actionId, 'assign', { ownerId: '' }, 400);
    expect(missing.text).toContain('Select who will own this action');
    await post(lead, actionId, 'assign', { ownerId: t.users.owner.userId }, 303);
    expect((await t.http.get(`/api/actions/${actionId}`).expect(200)).body.ownerId).toBe(
      t.users.owner.userId,
    );
  });

  it("offers the history as CSV, and shows another organisation's action as Page not found", async () => {
    const { actionId } = await givenOverdueAction(t);
    const lead = (await signedInAgent(t, 'lead')).agent;
    const csv = await lead.get(`/actions/${actionId}/history.csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[1]).toContain('ActionPlanned');
    const other = (await signedInAgent(t, 'otherLead')).agent;
    expect(await pageOf(other, actionId, 404)).toContain('Page not found');
    await other.get(`/actions/${actionId}/history.csv`).expect(404);
    const otherPage = await other.get('/');
    await other
      .post(`/actions/${actionId}/progress`)
      .type('form')
      .send({ _csrf: csrfTokenIn(otherPage.text), note: 'x' })
      .expect(404);
  });
});
