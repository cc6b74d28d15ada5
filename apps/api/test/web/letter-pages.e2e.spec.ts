import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRA_LETTERS_FOLDER } from '../../../../libs/letters/src/testing/letters-folders';
import { startTestApp, type TestApp } from '../test-app';
import { csrfTokenIn, givenPassword, signedInAgent, type BrowserAgent } from './web-session';

const LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'redcar-2010-12-cra-letter.txt'), 'utf8');
const OTHER_LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'gateshead-2010-03-cra-letter.txt'), 'utf8');

const unescape = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields of the review form as the page filled them in, to post back with some changed. */
function formFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form method="post" action="/letters/'));
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
    fields[name] ??= unescape(value);
  for (const [, name, body] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([^]*?)<\/select>/g))
    fields[name] = /<option value="([^"]*)" selected>/.exec(body)?.[1] ?? '';
  for (const [, name, body] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^]*?)<\/textarea>/g))
    fields[name] = unescape(body.trim());
  return fields;
}

/** `/letters/new` and `/letters/:id`: a lead uploads or pastes a letter, reviews it beside its text, corrects and confirms. */
describe('Letter import pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of ['lead', 'board', 'otherLead'] as const) await givenPassword(t, name);
  });
  afterAll(() => t.close());

  const tokenOf = async (agent: BrowserAgent, path = '/letters/new') =>
    csrfTokenIn((await agent.get(path).expect(200)).text);

  /** Uploads through the multipart form, its token in the action as the page puts it there. */
  const upload = (
    agent: BrowserAgent,
    token: string,
    file: { text: string; name: string } | null,
    text = '',
  ) => {
    const post = agent.post(`/letters?_csrf=${encodeURIComponent(token)}`).field('text', text);
    return file ? post.attach('file', Buffer.from(file.text), file.name) : post;
  };

  const draftIdOf = (location: string) => /^\/letters\/([0-9a-f-]{36})/.exec(location)![1];

  it('offers a lead an upload that carries its CSRF token in the action', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const page = (await agent.get('/letters/new').expect(200)).text;
    expect(page).toMatch(
      /<form method="post" action="\/letters\?_csrf=[^"]+" enctype="multipart\/form-data"/,
    );
    expect(page).toContain('name="file"');
    expect(page).toContain('name="text"');
    expect(page).toContain('up to 10 MB');
  });

  it('reads an uploaded letter and shows each finding beside the words it came from', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const uploaded = await upload(agent, await tokenOf(agent), { text: LETTER, name: 'redcar.txt' }).expect(
      303,
    );
    const id = draftIdOf(uploaded.headers.location);
    const page = (await agent.get(uploaded.headers.location).expect(200)).text;
    const draft = (await t.http.get(`/api/letters/${id}`).expect(200)).body;
    expect(draft.proposal.findings.length).toBeGreaterThan(0);
    draft.proposal.findings.forEach(
      (finding: { excerpt: string; source: { line: number } | null }, index: number) => {
        if (!finding.source) return;
        const mark = new RegExp(
          `<mark class="app-letter__mark" id="source-finding-${index}"><span class="govuk-visually-hidden">Finding ${index + 1}: </span>([^]*?)</mark>`,
        ).exec(page);
        expect(unescape(mark![1])).toBe(finding.excerpt);
        expect(page).toContain(
          `<a class="govuk-link" href="#source-finding-${index}">Read from line ${finding.source.line} of the letter</a>`,
        );
      },
    );
    expect(formFields(page).authority).toBe(draft.proposal.authority);
    expect(page).toContain('Redcar');
  });

  it('takes pasted text, and finds the first draft when the same letter comes again', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const pasted = await upload(agent, await tokenOf(agent), null, OTHER_LETTER).expect(303);
    const before = await t.eventCount();
    const again = await upload(agent, await tokenOf(agent), null, OTHER_LETTER).expect(303);
    expect(again.headers.location).toBe(`${pasted.headers.location}?again=1`);
    expect(await t.eventCount()).toBe(before);
    expect((await agent.get(again.headers.location).expect(200)).text).toContain(
      'This document was imported before',
    );
  });

  it('names what is wrong with an upload, appending nothing', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const before = await t.eventCount();
    const blank = await upload(agent, await tokenOf(agent), null).expect(400);
    expect(blank.text).toContain('govuk-error-summary');
    expect(blank.text).toContain('href="#file"');
    const binary = await upload(agent, await tokenOf(agent), {
      text: '\u0000\u0001\u0002PK',
      name: 'letter.txt',
    }).expect(400);
    expect(binary.text).toContain('govuk-error-summary');
    expect(binary.text).toContain('govuk-error-message');
    const huge = await upload(agent, await tokenOf(agent), {
      text: 'x'.repeat(10 * 1024 * 1024 + 1),
      name: 'huge.txt',
    }).expect(400);
    expect(huge.text).toContain('The file must be smaller than 10 MB');
    expect(huge.text).toContain('href="#file"');
    const tokenless = await agent
      .post('/letters')
      .attach('file', Buffer.from(LETTER), 'redcar.txt')
      .expect(403);
    expect(tokenless.text).toContain('This form has expired');
    expect(await t.eventCount()).toBe(before);
  });

  it('saves corrections through the edit command, refuses bad or stale ones, then confirms into the inspection page', async () => {
    const { agent } = await signedInAgent(t, 'lead');
    const uploaded = await upload(agent, await tokenOf(agent), {
      text: LETTER.replace('Redcar', 'Redcar and Cleveland'),
      name: 'r.txt',
    }).expect(303);
    const id = draftIdOf(uploaded.headers.location);
    const page = (await agent.get(`/letters/${id}`).expect(200)).text;
    const fields = formFields(page);

    const before = await t.eventCount();
    const wrong = await agent
      .post(`/letters/${id}`)
      .type('form')
      .send({ ...fields, authority: '', 'finding-0-text': '' })
      .expect(400);
    expect(wrong.text).toContain('href="#authority"');
    expect(wrong.text).toContain('href="#finding-0-text"');
    expect(await t.eventCount()).toBe(before);

    await agent
      .post(`/letters/${id}`)
      .type('form')
      .send({
        ...fields,
        authority: 'Redcar and Cleveland Borough Council',
        'finding-0-category': 'area_for_development',
        'finding-0-text': 'Corrected by the lead.',
      })
      .expect(303)
      .expect('Location', `/letters/${id}`);
    const draft = (await t.http.get(`/api/letters/${id}`).expect(200)).body;
    expect(draft.proposal.authority).toBe('Redcar and Cleveland Borough Council');
    expect(draft.proposal.findings[0]).toMatchObject({
      category: 'area_for_development',
      text: 'Corrected by the lead.',
    });
    expect(draft.proposal.findings[0].source).not.toBeNull();

    const stale = await agent
      .post(`/letters/${id}`)
      .type('form')
      .send({ ...fields, authority: 'Stale' })
      .expect(409);
    expect(stale.text).toContain('Someone changed this draft after you opened it');
    const afterEdit = await t.eventCount();
    expect(afterEdit).toBe(before + 1);

    const reviewed = (await agent.get(`/letters/${id}`).expect(200)).text;
    const confirmForm = reviewed.slice(reviewed.indexOf(`action="/letters/${id}/confirm"`));
    const confirmed = await agent
      .post(`/letters/${id}/confirm`)
      .type('form')
      .send({ _csrf: csrfTokenIn(reviewed), version: /name="version" value="(\d+)"/.exec(confirmForm)![1] })
      .expect(303);
    expect(confirmed.headers.location).toMatch(/^\/inspections\/[0-9a-f-]{36}\?after=\d+$/);
    const inspection = (await agent.get(confirmed.headers.location).expect(200)).text;
    expect(inspection).toContain('Redcar and Cleveland Borough Council');
    expect(inspection).toContain('Corrected by the lead.');

    const done = (await agent.get(`/letters/${id}`).expect(200)).text;
    expect(done).toContain('This letter has been confirmed.');
    expect(done).toContain(`href="${confirmed.headers.location.split('?')[0]}"`);
    expect(done.match(/<form/g)).toHaveLength(1);
  });

  it('is for leads: a board member gets no page and a forged post from them or another organisation appends nothing', async () => {
    const { agent: lead } = await signedInAgent(t, 'lead');
    const uploaded = await upload(lead, await tokenOf(lead), { text: `${LETTER}\n`, name: 'r2.txt' }).expect(
      303,
    );
    const id = draftIdOf(uploaded.headers.location);
    const before = await t.eventCount();

    const { agent: board, csrfToken } = await signedInAgent(t, 'board');
    await board.get('/letters/new').expect(403);
    await board.get(`/letters/${id}`).expect(403);
    const boardToken = await csrfToken();
    await board.post(`/letters/${id}/confirm`).type('form').send({ _csrf: boardToken }).expect(403);
    await board
      .post(`/letters/${id}`)
      .type('form')
      .send({ _csrf: boardToken, authority: 'Forged' })
      .expect(403);

    const { agent: other } = await signedInAgent(t, 'otherLead');
    const page = await other.get(`/letters/${id}`).expect(404);
    expect(page.text).toContain('Page not found');
    const otherToken = await tokenOf(other);
    await other.post(`/letters/${id}/confirm`).type('form').send({ _csrf: otherToken }).expect(404);
    await other
      .post(`/letters/${id}`)
      .type('form')
      .send({ _csrf: otherToken, authority: 'Forged' })
      .expect(404);
    expect(await t.eventCount()).toBe(before);
  });
});
