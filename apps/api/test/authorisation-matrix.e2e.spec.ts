import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserAdministration } from '@actionledger/auth';
import { operatorContext, type Role } from '@actionledger/command-handling';
import { EXTRA_LETTERS_FOLDER } from '../../../libs/letters/src/testing/letters-folders';
import { inspectionBody, startTestApp, type TestApp, type TestUserName } from './test-app';

/**
 * Every route × every role × own and other organisation. Each row says who may call the route and what a
 * permitted call answers; everyone else gets 403 (wrong role), 401 (no token) or, for a record of another
 * organisation, 404, and a refused call appends nothing. A route that has no row fails the first test.
 */
interface Fixture {
  inspectionId: string;
  findingId: string;
  plannedActionId: string;
  assignedActionId: string;
  completedActionId: string;
  draftId: string;
  userId: string;
  resolvedFindingId: string;
  /** A file the owner attached to the assigned action. */
  evidenceSha256: string;
  followUpId: string;
  planImportId: string;
  /** The log position of the fixture's last write through the API: read-your-writes for the read models. */
  position: number;
}

interface Row {
  allow: Role[] | 'public';
  path: (fx: Fixture) => string;
  body?: (t: TestApp, fx: Fixture) => object;
  /** Files sent as multipart instead of a JSON body: field, name and content. */
  files?: () => { field: string; fileName: string; content: Buffer }[];
  /** A multipart upload instead of a JSON body. */
  upload?: () => { file: Buffer; name: string; fields: Record<string, string> };
  ok: number;
  /** The route is about one record of the organisation: another organisation's users get 404. */
  scoped: boolean;
  /** What another organisation's permitted users get from an unscoped route, where not `ok` (it has no records). */
  otherOk?: number;
}

const READERS: Role[] = ['lead', 'owner', 'board'];
const EVERYONE: Role[] = ['lead', 'owner', 'board', 'admin'];
const LETTER_TEXT = readFileSync(join(EXTRA_LETTERS_FOLDER, 'redcar-2010-12-cra-letter.txt'), 'utf8');
/** A document of its own each time: the same text imported twice is one draft. */
const letter = () => ({ text: `${LETTER_TEXT}\nReference ${Math.random().toString(36).slice(2)}\n` });
/** A file of its own each time: the same file cannot be attached twice to one action. */
const evidenceFile = () => [
  {
    field: 'files',
    fileName: 'minutes.txt',
    content: Buffer.from(`Minutes ${Math.random().toString(36).slice(2)}\n`),
  },
];
/** A plan of its own each time, for a new inspection: the same file imported twice is one draft. */
const planSheet = () => ({
  file: Buffer.from(
    `Finding,Action,Lead officer\nScreen contacts,Audit ${Math.random().toString(36).slice(2)},\n`,
  ),
  name: 'plan.csv',
  fields: {
    authority: 'Durham County Council',
    inspectionType: 'other',
    inspectionDates: '2026-10-20',
  },
});

const MATRIX: Record<string, Row> = {
  'GET /api': { allow: EVERYONE, path: () => '/api', ok: 200, scoped: false },
  'GET /health': { allow: 'public', path: () => '/health', ok: 200, scoped: false },
  'POST /api/inspections': {
    allow: ['lead'],
    path: () => '/api/inspections',
    body: () => inspectionBody,
    ok: 201,
    scoped: false,
  },
  'GET /api/inspections/{id}': {
    allow: READERS,
    path: (fx) => `/api/inspections/${fx.inspectionId}`,
    ok: 200,
    scoped: true,
  },
  'POST /api/inspections/{inspectionId}/findings': {
    allow: ['lead'],
    path: (fx) => `/api/inspections/${fx.inspectionId}/findings`,
    body: () => ({ category: 'area_for_development', text: 'Improve supervision records.' }),
    ok: 201,
    scoped: true,
  },
  'GET /api/findings/{id}': {
    allow: READERS,
    path: (fx) => `/api/findings/${fx.findingId}`,
    ok: 200,
    scoped: true,
  },
  'POST /api/findings/{findingId}/actions': {
    allow: ['lead'],
    path: (fx) => `/api/findings/${fx.findingId}/actions`,
    body: () => ({ title: 'Audit supervision' }),
    ok: 201,
    scoped: true,
  },
  'POST /api/actions/{id}/assign': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.plannedActionId}/assign`,
    body: (t) => ({ ownerId: t.users.owner.userId, dueDate: '2027-01-31' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/reassign': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.assignedActionId}/reassign`,
    body: (t) => ({ ownerId: t.users.secondOwner.userId }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/reschedule': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.assignedActionId}/reschedule`,
    body: () => ({ dueDate: '2027-03-31', reason: 'Staff shortage' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/progress': {
    allow: ['lead', 'owner'],
    path: (fx) => `/api/actions/${fx.assignedActionId}/progress`,
    body: () => ({ note: 'Half done' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/complete': {
    allow: ['lead', 'owner'],
    path: (fx) => `/api/actions/${fx.assignedActionId}/complete`,
    body: () => ({ summary: 'Done' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/verify': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.completedActionId}/verify`,
    body: () => ({}),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/reopen': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.completedActionId}/reopen`,
    body: () => ({ reason: 'Evidence missing' }),
    ok: 200,
    scoped: true,
  },
  'GET /api/actions/{id}': {
    allow: READERS,
    path: (fx) => `/api/actions/${fx.assignedActionId}`,
    ok: 200,
    scoped: true,
  },
  'GET /api/actions/{id}/history': {
    allow: READERS,
    path: (fx) => `/api/actions/${fx.assignedActionId}/history`,
    ok: 200,
    scoped: true,
  },
  'POST /api/letters': {
    allow: ['lead'],
    path: () => '/api/letters',
    body: letter,
    ok: 201,
    scoped: false,
  },
  'GET /api/letters/{id}': {
    allow: ['lead', 'board'],
    path: (fx) => `/api/letters/${fx.draftId}`,
    ok: 200,
    scoped: true,
  },
  'PATCH /api/letters/{id}': {
    allow: ['lead'],
    path: (fx) => `/api/letters/${fx.draftId}`,
    body: () => ({ inspector: 'Jane Doe' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/letters/{id}/confirm': {
    allow: ['lead'],
    path: (fx) => `/api/letters/${fx.draftId}/confirm`,
    body: () => ({}),
    ok: 200,
    scoped: true,
  },
  'POST /api/inspections/{id}/withdraw': {
    allow: ['lead'],
    path: (fx) => `/api/inspections/${fx.inspectionId}/withdraw`,
    body: () => ({ reason: 'Recorded twice' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/findings/{id}/amend': {
    allow: ['lead'],
    path: (fx) => `/api/findings/${fx.findingId}/amend`,
    body: () => ({ timescale: 'immediately', reason: 'Misread the letter' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/findings/{id}/reopen': {
    allow: ['lead'],
    path: (fx) => `/api/findings/${fx.resolvedFindingId}/reopen`,
    body: () => ({ reason: 'One more action is needed' }),
    ok: 200,
    scoped: true,
  },
  'POST /api/actions/{id}/withdraw': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.plannedActionId}/withdraw`,
    body: () => ({ reason: 'Planned by mistake' }),
    ok: 200,
    scoped: true,
  },
  'PATCH /api/actions/{id}': {
    allow: ['lead'],
    path: (fx) => `/api/actions/${fx.plannedActionId}`,
    body: () => ({ title: 'A clearer title', reason: 'Clearer wording' }),
    ok: 200,
    scoped: true,
  },
  'GET /api/inspections': { allow: READERS, path: () => '/api/inspections', ok: 200, scoped: false },
  'GET /api/inspections/{id}/plan': {
    allow: READERS,
    path: (fx) => `/api/inspections/${fx.inspectionId}/plan`,
    ok: 200,
    scoped: true,
  },
  'GET /api/inspections/{id}/report': {
    allow: ['lead', 'board'],
    path: (fx) => `/api/inspections/${fx.inspectionId}/report`,
    ok: 200,
    scoped: true,
  },
  'GET /api/reports/committee': {
    allow: ['lead', 'board'],
    path: () => '/api/reports/committee',
    ok: 200,
    scoped: false,
    otherOk: 404,
  },
  'GET /api/actions': { allow: READERS, path: () => '/api/actions', ok: 200, scoped: false },
  'GET /api/reports/overdue': { allow: READERS, path: () => '/api/reports/overdue', ok: 200, scoped: false },
  'GET /api/reports/due-soon': {
    allow: READERS,
    path: () => '/api/reports/due-soon?days=14',
    ok: 200,
    scoped: false,
  },
  'GET /api/owners/{ownerId}/actions': {
    allow: READERS,
    path: (fx) => `/api/owners/${fx.userId}/actions`,
    ok: 200,
    scoped: false,
  },
  'GET /api/me/actions': { allow: READERS, path: () => '/api/me/actions', ok: 200, scoped: false },
  'GET /api/follow-ups': { allow: READERS, path: () => '/api/follow-ups', ok: 200, scoped: false },
  'POST /api/follow-ups': {
    allow: ['lead'],
    path: () => '/api/follow-ups',
    body: (_t, fx) => ({ expectedDate: '2027-06-14', followsInspectionId: fx.inspectionId }),
    ok: 201,
    scoped: true,
  },
  'GET /api/follow-ups/{id}': {
    allow: READERS,
    path: (fx) => `/api/follow-ups/${fx.followUpId}`,
    ok: 200,
    scoped: true,
  },
  'POST /api/follow-ups/{id}/judgements': {
    allow: ['lead'],
    path: (fx) => `/api/follow-ups/${fx.followUpId}/judgements`,
    body: (_t, fx) => ({ findingId: fx.findingId, judgement: 'partly_addressed', note: 'Faster now' }),
    ok: 200,
    scoped: true,
  },
  'GET /api/me': { allow: EVERYONE, path: () => '/api/me', ok: 200, scoped: false },
  'GET /api/users': { allow: ['admin', 'lead'], path: () => '/api/users', ok: 200, scoped: false },
  'POST /api/users': {
    allow: ['admin'],
    path: () => '/api/users',
    body: () => ({
      email: `new-${Math.random().toString(36).slice(2)}@example.org`,
      name: 'New Person',
      roles: ['owner'],
    }),
    ok: 201,
    scoped: false,
  },
  'POST /api/users/{id}/roles': {
    allow: ['admin'],
    path: (fx) => `/api/users/${fx.userId}/roles`,
    body: () => ({ roles: ['board'] }),
    ok: 200,
    scoped: true,
  },
  'POST /api/users/{id}/disable': {
    allow: ['admin'],
    path: (fx) => `/api/users/${fx.userId}/disable`,
    body: () => ({}),
    ok: 200,
    scoped: true,
  },
  'POST /api/users/{id}/invitations': {
    allow: ['admin'],
    path: (fx) => `/api/users/${fx.userId}/invitations`,
    body: () => ({}),
    ok: 201,
    scoped: true,
  },
  'GET /api/audit': { allow: ['lead', 'board'], path: () => '/api/audit', ok: 200, scoped: false },
  'POST /api/actions/{id}/evidence': {
    allow: ['lead', 'owner'],
    path: (fx) => `/api/actions/${fx.assignedActionId}/evidence`,
    files: evidenceFile,
    ok: 201,
    scoped: true,
  },
  'GET /api/evidence/{sha256}': {
    allow: READERS,
    path: (fx) => `/api/evidence/${fx.evidenceSha256}`,
    ok: 200,
    scoped: true,
  },
  'POST /api/plans/import': {
    allow: ['lead'],
    path: () => '/api/plans/import',
    upload: planSheet,
    ok: 201,
    scoped: false,
  },
  'GET /api/plans/imports/{id}': {
    allow: ['lead', 'board'],
    path: (fx) => `/api/plans/imports/${fx.planImportId}`,
    ok: 200,
    scoped: true,
  },
  'PATCH /api/plans/imports/{id}': {
    allow: ['lead'],
    path: (fx) => `/api/plans/imports/${fx.planImportId}`,
    body: () => ({ rows: [{ rowNumber: 2, action: 'Audit contacts' }] }),
    ok: 200,
    scoped: true,
  },
  'POST /api/plans/imports/{id}/confirm': {
    allow: ['lead'],
    path: (fx) => `/api/plans/imports/${fx.planImportId}/confirm`,
    body: () => ({}),
    ok: 200,
    scoped: true,
  },
  // Not routes of their own but formats of one, each with its row ("?" keeps them out of the route check).
  'GET /api/inspections/{id}/plan?format=xlsx': {
    allow: READERS,
    path: (fx) => `/api/inspections/${fx.inspectionId}/plan?format=xlsx&after=${fx.position}`,
    ok: 200,
    scoped: true,
  },
  'GET /api/inspections/{id}/plan?format=csv': {
    allow: READERS,
    path: (fx) => `/api/inspections/${fx.inspectionId}/plan?format=csv&after=${fx.position}`,
    ok: 200,
    scoped: true,
  },
};

const OWN: Record<Role, TestUserName> = { lead: 'lead', owner: 'owner', board: 'board', admin: 'admin' };
const OTHER: Record<Role, TestUserName> = {
  lead: 'otherLead',
  owner: 'otherOwner',
  board: 'otherBoard',
  admin: 'otherAdmin',
};

/** Records of every kind in the organisation under test, in the states the routes act on. */
async function givenFixture(t: TestApp): Promise<Fixture> {
  const lead = t.users.lead.http;
  const owner = t.users.owner.http;
  const inspection = await lead.post('/api/inspections').send(inspectionBody).expect(201);
  const finding = await lead
    .post(`/api/inspections/${inspection.body.id}/findings`)
    .send({
      category: 'priority_action',
      timescale: 'within_3_months',
      text: 'Screen every contact promptly.',
    })
    .expect(201);
  const plan = async () =>
    (await lead.post(`/api/findings/${finding.body.id}/actions`).send({ title: 'An action' }).expect(201))
      .body.id as string;
  const [plannedActionId, assignedActionId, completedActionId] = [await plan(), await plan(), await plan()];
  for (const id of [assignedActionId, completedActionId]) {
    await lead
      .post(`/api/actions/${id}/assign`)
      .send({ ownerId: t.users.owner.userId, dueDate: '2027-01-31' })
      .expect(200);
  }
  await owner.post(`/api/actions/${completedActionId}/complete`).send({ summary: 'Done' }).expect(200);
  const [attached] = evidenceFile();
  const evidence = await owner
    .post(`/api/actions/${assignedActionId}/evidence`)
    .attach(attached.field, attached.content, attached.fileName)
    .expect(201);
  const draft = await lead.post('/api/letters').send(letter()).expect(201);
  const resolvedFindingId = await givenResolvedFinding(t, inspection.body.id);
  const followUp = await lead
    .post('/api/follow-ups')
    .send({ expectedDate: '2027-06-14', followsInspectionId: inspection.body.id })
    .expect(201);
  const { file, name, fields } = planSheet();
  let upload = lead.post('/api/plans/import').attach('file', file, name);
  for (const [field, value] of Object.entries(fields)) upload = upload.field(field, value);
  const planImport = await upload.expect(201);
  const userId = await t.app.get(UserAdministration).registerUser(
    {
      organisationId: t.users.lead.organisationId,
      email: `fixture-${Math.random().toString(36).slice(2)}@example.org`,
      name: 'A Fixture',
      roles: ['owner'],
    },
    operatorContext(),
  );
  return {
    inspectionId: inspection.body.id,
    findingId: finding.body.id,
    plannedActionId,
    assignedActionId,
    completedActionId,
    draftId: draft.body.id,
    userId,
    resolvedFindingId,
    evidenceSha256: evidence.body.files[0].sha256,
    followUpId: followUp.body.id,
    planImportId: planImport.body.id,
    position: planImport.body.position,
  };
}

/** A finding whose one action the owner completed and the lead verified: the process resolves it. */
async function givenResolvedFinding(t: TestApp, inspectionId: string): Promise<string> {
  const lead = t.users.lead.http;
  const finding = await lead
    .post(`/api/inspections/${inspectionId}/findings`)
    .send({ category: 'recommendation', text: 'Record supervision.' })
    .expect(201);
  const action = await lead
    .post(`/api/findings/${finding.body.id}/actions`)
    .send({ title: 'Record it' })
    .expect(201);
  await lead
    .post(`/api/actions/${action.body.id}/assign`)
    .send({ ownerId: t.users.owner.userId, dueDate: '2027-01-31' });
  await t.users.owner.http
    .post(`/api/actions/${action.body.id}/complete`)
    .send({ summary: 'Done' })
    .expect(200);
  await lead.post(`/api/actions/${action.body.id}/verify`).send({}).expect(200);
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    if ((await lead.get(`/api/findings/${finding.body.id}`)).body.status === 'resolved')
      return finding.body.id;
    await new Promise((settle) => setTimeout(settle, 20));
  }
  throw new Error('The finding did not resolve.');
}

function send(t: TestApp, who: TestUserName | 'anonymous', route: string, row: Row, fx: Fixture) {
  const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch';
  const agent = who === 'anonymous' ? t.anonymous : t.users[who].http;
  const request = agent[method](row.path(fx));
  if (row.files) {
    for (const file of row.files()) request.attach(file.field, file.content, file.fileName);
    return request;
  }
  if (row.upload) {
    const { file, name, fields } = row.upload();
    return Object.entries(fields).reduce(
      (sent, [field, value]) => sent.field(field, value),
      request.attach('file', file, name),
    );
  }
  return row.body ? request.send(row.body(t, fx)) : request;
}

describe('who may call which route', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('has a row for every route the API serves, and no row for a route it does not', async () => {
    const docs = await t.anonymous.get('/api/docs/openapi.json').expect(200);
    const served = Object.entries(docs.body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = Object.keys(MATRIX).filter((route) => !route.includes('?'));
    expect(served.sort()).toEqual(routes.sort());
  });

  it.each(Object.entries(MATRIX))('%s', async (route, row) => {
    const shared = await givenFixture(t);
    const answers: Record<string, number> = {};
    const expected: Record<string, number> = {};
    const refusedWithoutWriting = async (who: TestUserName | 'anonymous', status: number) => {
      const before = await t.eventCount();
      answers[who] = (await send(t, who, route, row, shared)).status;
      expected[who] = status;
      expect(await t.eventCount()).toBe(before);
    };

    if (row.allow !== 'public') await refusedWithoutWriting('anonymous', 401);
    for (const role of Object.keys(OWN) as Role[]) {
      const allowed = row.allow === 'public' || row.allow.includes(role);
      if (!allowed) {
        await refusedWithoutWriting(OWN[role], 403);
        await refusedWithoutWriting(OTHER[role], 403);
        continue;
      }
      // A permitted call may change the records, so each one gets a fixture of its own.
      answers[OWN[role]] = (await send(t, OWN[role], route, row, await givenFixture(t))).status;
      expected[OWN[role]] = row.ok;
      if (row.scoped) await refusedWithoutWriting(OTHER[role], 404);
      else {
        answers[OTHER[role]] = (await send(t, OTHER[role], route, row, shared)).status;
        expected[OTHER[role]] = row.otherOk ?? row.ok;
      }
    }
    expect(answers).toEqual(expected);
  });
});
