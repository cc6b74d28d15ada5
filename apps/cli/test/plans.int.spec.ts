import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkbook } from '../../../libs/spreadsheets/src/testing/plan-workbooks';
import { givenPlannedAction, startTestApp, type TestApp } from '../../api/test/test-app';
import { run } from './run-cli';

describe('actionledger plans import', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('records a draft for the inspection from the file, which a lead then confirms over the API', async () => {
    const { inspectionId } = await givenPlannedAction(t.http);
    const file = join(t.dataDir, 'plan.xlsx');
    writeFileSync(
      file,
      await buildWorkbook([
        {
          name: 'Plan',
          titles: ['Improvement plan'],
          header: ['Finding', 'Action', 'Responsible', 'Target date'],
          rows: [
            [
              'Ensure that all contacts are screened promptly by qualified social workers.',
              'Dip-sample contacts',
              'Test owner',
              '31/01/2027',
            ],
            [
              'Ensure that all contacts are screened promptly by qualified social workers.',
              'Report to the board',
              'The team',
              '28/02/2027',
            ],
          ],
        },
      ]),
    );
    const env = { DATA_DIR: t.dataDir };
    const before = await t.eventCount();
    const imported = await run(['plans', 'import', file, '--inspection', inspectionId], env);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(
      /^draft [0-9a-f-]{36}: 2 rows from Plan, header on row 2\n {2}row 4: the owner "The team" matches no user/,
    );
    expect(await t.eventCount()).toBe(before + 1);

    const id = /^draft ([0-9a-f-]{36})/.exec(imported.out)![1];
    const draft = await t.http.get(`/api/plans/imports/${id}`).expect(200);
    expect(draft.body.rows[0].owner.userId).toBe(t.users.owner.userId);
    await t.http
      .patch(`/api/plans/imports/${id}`)
      .send({ rows: [{ rowNumber: 4, ownerId: t.users.secondOwner.userId }] })
      .expect(200);
    const confirmed = await t.http.post(`/api/plans/imports/${id}/confirm`).expect(200);
    expect(confirmed.body.inspectionId).toBe(inspectionId);
  });

  it('exits 2 naming what is wrong with the file, 3 for an inspection that does not exist, and records nothing', async () => {
    const { inspectionId } = await givenPlannedAction(t.http);
    const env = { DATA_DIR: t.dataDir };
    const file = join(t.dataDir, 'budget.csv');
    writeFileSync(file, 'Name,Budget\nSupervision,1200\n');
    const before = await t.eventCount();
    const refused = await run(['plans', 'import', file, '--inspection', inspectionId], env);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toMatch(/budget\.csv: No column of this sheet is recognisably the actions/);
    const plan = join(t.dataDir, 'plan.csv');
    writeFileSync(plan, 'Action,Owner\nAudit contacts,Test owner\n');
    const missing = await run(
      ['plans', 'import', plan, '--inspection', '00000000-0000-4000-8000-000000000000'],
      env,
    );
    expect(missing.code).toBe(3);
    expect(await t.eventCount()).toBe(before);
  });
});
