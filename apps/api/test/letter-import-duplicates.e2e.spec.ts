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

/** Another document about the same inspection: the same authority, type and dates, in other words. */
const SECOND_DOCUMENT = LETTER.replace(
  'I would like to thank all of the staff we met for their assistance in undertaking this inspection.',
  'Inspectors are grateful to the staff and managers who gave their time during the inspection.',
);

describe('a second document about an inspection already recorded', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  async function recordFirst(): Promise<string> {
    const first = await t.http.post('/api/letters').send({ text: LETTER }).expect(201);
    expect(first.body.possibleDuplicateOf).toBeNull();
    const confirmed = await t.http.post(`/api/letters/${first.body.id}/confirm`).expect(200);
    return confirmed.body.inspectionId;
  }

  it('is flagged in its draft, and confirming it needs the lead to choose to record it beside the first', async () => {
    const inspectionId = await recordFirst();
    const second = await t.http.post('/api/letters').send({ text: SECOND_DOCUMENT }).expect(201);
    expect(second.body.possibleDuplicateOf).toBe(inspectionId);
    expect(second.body.message).toContain(`"recordAlongside": "${inspectionId}"`);
    const draft = await t.http.get(`/api/letters/${second.body.id}`).expect(200);
    expect(draft.body.possibleDuplicateOf).toBe(inspectionId);

    const before = await t.eventCount();
    const refused = await t.http.post(`/api/letters/${second.body.id}/confirm`).expect(409);
    expect(refused.body.message).toMatch(/same authority, type and dates is already recorded/);
    const wrongChoice = await t.http
      .post(`/api/letters/${second.body.id}/confirm`)
      .send({ recordAlongside: second.body.id })
      .expect(409);
    expect(wrongChoice.body.message).toMatch(new RegExp(`${inspectionId} is`));
    expect(await t.eventCount()).toBe(before);

    const recorded = await t.http
      .post(`/api/letters/${second.body.id}/confirm`)
      .send({ recordAlongside: inspectionId })
      .expect(200);
    expect(recorded.body.inspectionId).not.toBe(inspectionId);
    await t.http.get(`/api/inspections/${recorded.body.inspectionId}`).expect(200);
    const claims = (await t.store.readAll()).filter((event) => event.type === 'InspectionIdentityClaimed');
    expect(claims.map((event) => event.data)).toEqual([
      expect.objectContaining({ inspectionId, recordedAlongside: null }),
      expect.objectContaining({ inspectionId: recorded.body.inspectionId, recordedAlongside: inspectionId }),
    ]);
  });

  it('is judged on the draft as corrected: other dates are another inspection', async () => {
    await recordFirst();
    const second = await t.http.post('/api/letters').send({ text: SECOND_DOCUMENT }).expect(201);
    await t.http
      .patch(`/api/letters/${second.body.id}`)
      .send({ inspectionDates: ['2010-10-05', '2010-10-06'] })
      .expect(200);
    const draft = await t.http.get(`/api/letters/${second.body.id}`).expect(200);
    expect(draft.body.possibleDuplicateOf).toBeNull();
    await t.http.post(`/api/letters/${second.body.id}/confirm`).expect(200);
  });

  it('is caught at confirmation when both drafts were imported before either was confirmed, even at once', async () => {
    const first = await t.http.post('/api/letters').send({ text: LETTER }).expect(201);
    const second = await t.http.post('/api/letters').send({ text: SECOND_DOCUMENT }).expect(201);
    expect(second.body.possibleDuplicateOf).toBeNull();
    const statuses = await Promise.all(
      [first, second].map(async ({ body }) => (await t.http.post(`/api/letters/${body.id}/confirm`)).status),
    );
    expect([...statuses].sort()).toEqual([200, 409]);
    const inspections = (await t.store.readAll()).filter((event) => event.type === 'InspectionRecorded');
    expect(inspections).toHaveLength(1);
  });

  it('is not flagged for another organisation', async () => {
    await recordFirst();
    const elsewhere = await t.users.otherLead.http
      .post('/api/letters')
      .send({ text: SECOND_DOCUMENT })
      .expect(201);
    expect(elsewhere.body.possibleDuplicateOf).toBeNull();
    await t.users.otherLead.http.post(`/api/letters/${elsewhere.body.id}/confirm`).expect(200);
  });
});
