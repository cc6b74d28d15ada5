import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRA_LETTERS_FOLDER } from '../../../libs/letters/src/testing/letters-folders';
import { startTestApp, type TestApp } from './test-app';

const LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'redcar-2010-12-cra-letter.txt'), 'utf8');

describe('the same document imported twice', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('answers with the first draft and says so, appending nothing; another organisation gets its own', async () => {
    const first = await t.http.post('/api/letters').send({ text: LETTER }).expect(201);
    const before = await t.eventCount();
    const again = await t.http
      .post('/api/letters')
      .attach('file', Buffer.from(LETTER), 'redcar.txt')
      .expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, alreadyImported: true });
    expect(again.body.message).toMatch(/imported before/);
    expect(await t.eventCount()).toBe(before);

    await t.http.post(`/api/letters/${first.body.id}/confirm`).expect(200);
    const afterConfirm = await t.http.post('/api/letters').send({ text: LETTER }).expect(200);
    expect(afterConfirm.body.message).toMatch(/confirmed before/);
    expect(afterConfirm.body.confirmation.inspectionId).toEqual(expect.any(String));

    const elsewhere = await t.users.otherLead.http.post('/api/letters').send({ text: LETTER }).expect(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });
});
