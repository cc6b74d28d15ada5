import { createHash } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UserAdministration } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import { actionStreamId } from '@actionledger/domain';
import { FolderBlobStore, findUnreferencedBlobs } from '@actionledger/evidence';
import { samples } from '../../../libs/evidence/src/testing/evidence-samples';
import { multipartBody, type MultipartPart } from './multipart-body';
import { givenPlannedAction, startTestApp, type TestApp, type TestUserName } from './test-app';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const MAX_FILE_BYTES = 4096;
const MAX_ACTION_BYTES = 8192;

describe('evidence as files', () => {
  let t: TestApp;
  let blobs: FolderBlobStore;
  beforeAll(async () => {
    t = await startTestApp(undefined, undefined, {
      EVIDENCE_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      EVIDENCE_MAX_ACTION_BYTES: String(MAX_ACTION_BYTES),
      EVIDENCE_MAX_FILES: '3',
    });
    blobs = new FolderBlobStore(join(t.dataDir, 'evidence'));
  });
  afterAll(() => t.close());

  async function givenAssignedAction(): Promise<string> {
    const { actionId } = await givenPlannedAction(t.http);
    await t.http.post(`/api/actions/${actionId}/assign`).send({ ownerId: t.users.owner.userId }).expect(200);
    return actionId;
  }

  function attach(who: TestUserName, actionId: string, parts: MultipartPart[]) {
    const { body, contentType } = multipartBody(parts);
    return t.users[who].http
      .post(`/api/actions/${actionId}/evidence`)
      .set('Content-Type', contentType)
      .send(body);
  }

  const file = (fileName: string, content: Buffer | string): MultipartPart => ({
    field: 'files',
    fileName,
    content,
  });

  async function storedBlobs(): Promise<string[]> {
    const found: string[] = [];
    for await (const blob of blobs.list()) found.push(blob.sha256);
    return found.sort();
  }

  /** The request is refused with a 400 naming the field and the reason; nothing is stored or appended. */
  async function expectRefused(
    send: () => PromiseLike<{ status: number; body: Record<string, unknown> }>,
    reason: string,
    message: RegExp,
  ) {
    const [events, stored] = [await t.eventCount(), await storedBlobs()];
    const answer = await send();
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ reason, fields: { files: [expect.stringMatching(message)] } });
    expect(answer.body.message).toMatch(message);
    expect(await t.eventCount()).toBe(events);
    expect(await storedBlobs()).toEqual(stored);
  }

  it("stores the owner's files by hash, records EvidenceAttached, and gives them back to the organisation", async () => {
    const actionId = await givenAssignedAction();
    const minutes = 'Minutes of the board, 12 November 2026: the audit of 412 contacts was reported.\n';
    const answer = await attach('owner', actionId, [
      file('audit-report.pdf', samples.pdf),
      file('Board minutes — Café.txt', minutes),
      { field: 'note', content: 'For the sign-off' },
    ]).expect(201);
    expect(answer.body).toMatchObject({
      id: actionId,
      files: [
        {
          fileName: 'audit-report.pdf',
          mediaType: 'application/pdf',
          size: samples.pdf.length,
          sha256: sha256(samples.pdf),
        },
        {
          fileName: 'Board minutes — Café.txt',
          mediaType: 'text/plain',
          size: Buffer.byteLength(minutes),
          sha256: sha256(minutes),
        },
      ],
    });

    const events = await t.store.readStream(actionStreamId(actionId));
    const attached = events.filter((event) => event.type === 'EvidenceAttached');
    expect(attached.map((event) => event.data)).toEqual([
      expect.objectContaining({
        fileName: 'audit-report.pdf',
        sha256: sha256(samples.pdf),
        note: 'For the sign-off',
        attachedBy: t.users.owner.userId,
      }),
      expect.objectContaining({ fileName: 'Board minutes — Café.txt', sha256: sha256(minutes) }),
    ]);
    // The bytes never enter the log.
    expect(JSON.stringify(events.map((event) => event.data))).not.toContain('the audit of 412 contacts');

    for (const reader of ['lead', 'owner', 'board'] as const) {
      const download = await t.users[reader].http
        .get(`/api/evidence/${sha256(minutes)}`)
        .buffer(true)
        .expect(200);
      expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(download.headers['content-disposition']).toMatch(
        /^attachment; filename="Board minutes \? Caf.\.txt"; /,
      );
      expect(download.headers['content-disposition']).toContain(
        "filename*=UTF-8''Board%20minutes%20%E2%80%94%20Caf%C3%A9.txt",
      );
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.from(download.text ?? download.body).toString('utf8')).toBe(minutes);
    }
    const pdf = await t.http
      .get(`/api/evidence/${sha256(samples.pdf)}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(pdf.body as Buffer, samples.pdf)).toBe(0);

    const action = await t.http.get(`/api/actions/${actionId}`).expect(200);
    expect(action.body.evidenceFiles).toEqual([
      expect.objectContaining({
        fileName: 'audit-report.pdf',
        size: samples.pdf.length,
        attachedBy: t.users.owner.userId,
      }),
      expect.objectContaining({ fileName: 'Board minutes — Café.txt' }),
    ]);
  });

  it('lists the evidence in the history and the trail: name, size, who attached it and when', async () => {
    const actionId = await givenAssignedAction();
    t.clock.set('2026-11-05T10:15:00.000Z');
    await attach('owner', actionId, [file('contacts.csv', samples.csv)]).expect(201);
    const history = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    const entry = history.body.find((step: { type: string }) => step.type === 'EvidenceAttached');
    expect(entry).toMatchObject({
      who: { userId: t.users.owner.userId, name: 'Test owner', role: 'owner' },
      evidence: {
        fileName: 'contacts.csv',
        mediaType: 'text/csv',
        size: samples.csv.length,
        sha256: sha256(samples.csv),
      },
      metadata: { occurredAt: '2026-11-05T10:15:00.000Z' },
    });
    const trail = await t.users.board.http.get(`/api/audit?stream=${actionStreamId(actionId)}`).expect(200);
    expect(trail.body.find((step: { type: string }) => step.type === 'EvidenceAttached')).toMatchObject({
      occurredAt: '2026-11-05T10:15:00.000Z',
      who: { name: 'Test owner' },
      evidence: { fileName: 'contacts.csv', size: samples.csv.length },
    });
    const csv = await t.users.board.http
      .get(`/api/audit?stream=${actionStreamId(actionId)}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.text).toContain(
      `2026-11-05T10:15:00.000Z,${actionStreamId(actionId)},2,EvidenceAttached,Test owner,owner,` +
        `"evidence: — → contacts.csv (${samples.csv.length} bytes, sha256 ${sha256(samples.csv)})"`,
    );
  });

  it("hides another organisation's evidence and actions: 404, nothing stored", async () => {
    const actionId = await givenAssignedAction();
    await attach('owner', actionId, [file('whiteboard.png', samples.png)]).expect(201);
    for (const other of ['otherLead', 'otherOwner', 'otherBoard'] as const) {
      await t.users[other].http.get(`/api/evidence/${sha256(samples.png)}`).expect(404);
    }
    await t.http.get(`/api/evidence/${sha256('never attached')}`).expect(404);
    const answer = await t.http.get('/api/evidence/..%2F..%2Fetc%2Fpasswd').expect(400);
    expect(answer.body.fields).toHaveProperty('sha256');

    const [events, stored] = [await t.eventCount(), await storedBlobs()];
    await attach('otherLead', actionId, [file('theirs.gif', samples.gif)]).expect(404);
    expect(await t.eventCount()).toBe(events);
    expect(await storedBlobs()).toEqual(stored);
  });

  it('refuses bad files with a 400 that says which and why, storing and appending nothing', async () => {
    const actionId = await givenAssignedAction();
    const send =
      (...parts: MultipartPart[]) =>
      () =>
        attach('owner', actionId, parts);
    await expectRefused(
      send(file('report.pdf', samples.exe)),
      'unsupported_type',
      /"report.pdf" is not of a type accepted/,
    );
    await expectRefused(send(file('photo.pdf', samples.png)), 'type_mismatch', /its content is \.png/);
    await expectRefused(send(file('empty.txt', '')), 'empty', /"empty.txt" is empty/);
    await expectRefused(send(file('big.txt', 'a'.repeat(MAX_FILE_BYTES + 1))), 'too_large', /4,096 bytes/);
    await expectRefused(send(file('../../etc/cron.txt', 'x')), 'bad_name', /path separator/);
    await expectRefused(send(file('C:\\evil.txt', 'x')), 'bad_name', /path separator/);
    await expectRefused(send(file('line\r\nbreak.txt', 'x')), 'bad_name', /control character/);
    await expectRefused(send(file('nul\u0000.txt', 'x')), 'bad_name', /control character/);
    // One bad file among good ones: none of them is kept.
    await expectRefused(
      send(file('good.txt', 'fine'), file('bad.txt', samples.binary)),
      'unsupported_type',
      /"bad.txt"/,
    );
    await expectRefused(send({ field: 'note', content: 'no file' }), 'empty', /Send one or more files/);

    const [events, stored] = [await t.eventCount(), await storedBlobs()];
    const tooMany = await attach(
      'owner',
      actionId,
      [1, 2, 3, 4].map((n) => file(`${n}.txt`, `file ${n}`)),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/Too many files/);
    const notMultipart = await t.users.owner.http
      .post(`/api/actions/${actionId}/evidence`)
      .send({ note: 'x' });
    expect(notMultipart.status).toBe(400);
    expect(await t.eventCount()).toBe(events);
    expect(await storedBlobs()).toEqual(stored);
  });

  it('refuses what the decider refuses, and more evidence than one action may hold, before storing', async () => {
    const actionId = await givenAssignedAction();
    await attach('owner', actionId, [file('a.txt', 'alpha')]).expect(201);

    const [events, stored] = [await t.eventCount(), await storedBlobs()];
    const again = await attach('owner', actionId, [file('copy.txt', 'alpha')]).expect(409);
    expect(again.body.message).toMatch(/"copy.txt" is already attached to this action \(as "a.txt"\)/);
    const notTheirs = await attach('secondOwner', actionId, [file('mine.txt', 'mine')]).expect(403);
    expect(notTheirs.body.message).toMatch(/only actions assigned to you/);
    await attach('board', actionId, [file('board.txt', 'board')]).expect(403);
    const stale = await attach('owner', actionId, [file('late.txt', 'late')]).set('If-Match', '"0"');
    expect(stale.status).toBe(409);
    expect(await t.eventCount()).toBe(events);
    expect(await storedBlobs()).toEqual(stored);

    const chunk = (n: number) => `${n}`.repeat(MAX_FILE_BYTES);
    await attach('owner', actionId, [file('b.txt', chunk(2))]).expect(201);
    await expectRefused(
      () => attach('owner', actionId, [file('c.txt', chunk(3))]),
      'too_large',
      /holds 4,101 bytes of evidence; 4,096 more would pass the 8,192 bytes/,
    );
  });

  it('answers a retry under the same Idempotency-Key with the first result, appending nothing', async () => {
    const actionId = await givenAssignedAction();
    const first = await attach('owner', actionId, [file('minutes.txt', 'retried minutes')])
      .set('Idempotency-Key', 'k-1')
      .expect(201);
    const events = await t.eventCount();
    const retry = await attach('owner', actionId, [file('minutes.txt', 'retried minutes')])
      .set('Idempotency-Key', 'k-1')
      .expect(201);
    expect(retry.body).toMatchObject({ position: first.body.position, version: first.body.version });
    expect(await t.eventCount()).toBe(events);
  });

  it('lets completion and sign-off name the files they rely on, and only files attached to the action', async () => {
    const actionId = await givenAssignedAction();
    const report = (await attach('owner', actionId, [file('audit-report.pdf', samples.pdf)]).expect(201)).body
      .files[0].sha256;
    const elsewhere = await givenAssignedAction();
    const other = (await attach('owner', elsewhere, [file('other.txt', 'another action')]).expect(201)).body
      .files[0].sha256;

    const events = await t.eventCount();
    const refused = await t.users.owner.http
      .post(`/api/actions/${actionId}/complete`)
      .send({ summary: 'Done', evidenceSha256: [other] })
      .expect(409);
    expect(refused.body.message).toContain(`The evidence ${other} is not attached to this action`);
    const malformed = await t.users.owner.http
      .post(`/api/actions/${actionId}/complete`)
      .send({ summary: 'Done', evidenceSha256: ['not-a-hash'] })
      .expect(400);
    expect(malformed.body.fields).toHaveProperty('evidenceSha256');
    expect(await t.eventCount()).toBe(events);

    await t.users.owner.http
      .post(`/api/actions/${actionId}/complete`)
      .send({
        summary: 'All 412 contacts audited',
        evidence: ['Register kept by the team'],
        evidenceSha256: [report],
      })
      .expect(200);
    await t.http
      .post(`/api/actions/${actionId}/verify`)
      .send({ note: 'Read the report', evidenceSha256: [report] })
      .expect(200);
    const stream = await t.store.readStream(actionStreamId(actionId));
    expect(stream.find((event) => event.type === 'ActionCompleted')?.data).toMatchObject({
      evidence: ['Register kept by the team'],
      evidenceSha256: [report],
    });
    expect(stream.find((event) => event.type === 'ActionVerified')?.data).toMatchObject({
      evidenceSha256: [report],
    });
    const action = await t.http.get(`/api/actions/${actionId}`).expect(200);
    expect(action.body).toMatchObject({
      completion: { evidenceSha256: [report] },
      verifiedEvidenceSha256: [report],
    });
    await attach('owner', actionId, [file('late.txt', 'too late')]).expect(409);
  });

  it('will not hand out a stored file that no longer hashes to its name', async () => {
    const actionId = await givenAssignedAction();
    const { sha256: hash } = (
      await attach('owner', actionId, [file('to-alter.txt', 'original words')]).expect(201)
    ).body.files[0];
    writeFileSync(blobs.pathOf(hash), 'altered words');
    expect((await t.http.get(`/api/evidence/${hash}`).expect(410)).body.message).toMatch(/altered/);
    unlinkSync(blobs.pathOf(hash));
    expect((await t.http.get(`/api/evidence/${hash}`).expect(410)).body.message).toMatch(/missing/);
  });

  it('leaves an unreferenced blob, never a reference to a missing one, when the append fails after storing', async () => {
    const actionId = await givenAssignedAction();
    const bytes = 'stored, then the log refused the append';
    // The log's disk fails after the file is stored: every insert into the events table is refused.
    const db = new Database(join(t.dataDir, 'events.db'));
    db.exec(
      "CREATE TRIGGER fail_appends BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk failed'); END",
    );
    try {
      const events = await t.eventCount();
      expect((await attach('owner', actionId, [file('orphan.txt', bytes)])).status).toBe(500);
      expect(await t.eventCount()).toBe(events);
    } finally {
      db.exec('DROP TRIGGER fail_appends');
      db.close();
    }
    expect(await storedBlobs()).toContain(sha256(bytes));
    const twoDaysOn = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    const unreferenced = await findUnreferencedBlobs(t.store, blobs, twoDaysOn);
    expect(unreferenced.map((blob) => blob.sha256)).toContain(sha256(bytes));
    expect(await findUnreferencedBlobs(t.store, blobs, new Date())).toEqual([]);
    // Every file the action references is there.
    for (const event of await t.store.readStream(actionStreamId(actionId))) {
      if (event.type === 'EvidenceAttached')
        expect(await blobs.get(String(event.data.sha256))).not.toBeNull();
    }
  });

  it('keeps the evidence when the user who attached it is erased: it belongs to the organisation', async () => {
    const actionId = await givenAssignedAction();
    const words = 'A procedure the erased owner wrote';
    await t.http
      .post(`/api/actions/${actionId}/reassign`)
      .send({ ownerId: t.users.secondOwner.userId })
      .expect(200);
    const attached = await attach('secondOwner', actionId, [file('procedure.txt', words)]).expect(201);
    const sha = attached.body.files[0].sha256;

    await t.app.get(UserAdministration).erase(t.users.secondOwner.userId, operatorContext());

    const download = await t.users.board.http.get(`/api/evidence/${sha}`).expect(200);
    expect(download.text).toBe(words);
    const history = await t.http.get(`/api/actions/${actionId}/history`).expect(200);
    expect(history.body.find((step: { type: string }) => step.type === 'EvidenceAttached')).toMatchObject({
      who: { userId: t.users.secondOwner.userId, name: 'erased user' },
      evidence: { fileName: 'procedure.txt', size: Buffer.byteLength(words) },
    });
  });
});
