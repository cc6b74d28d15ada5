import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserAdministration, UserDirectory } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import request from 'supertest';
import { appConfigFromEnv } from '../../api/src/config/app-config';
import { createApp } from '../../api/src/create-app';
import { run } from './run-cli';

jest.setTimeout(60_000);

interface PlanAction {
  title: string;
  status: string;
  ownerId: string | null;
  overdue: boolean;
  timesMoved: number;
}

describe('actionledger demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'actionledger-demo-'));
  const env = { DATA_DIR: dataDir, READ_MODEL_KEY_PREFIX: `test-${basename(dataDir)}` };
  let app: INestApplication | undefined;
  afterAll(async () => {
    await app?.close();
    const redis = new Redis();
    const keys = await redis.keys(`${env.READ_MODEL_KEY_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills an empty data folder with a council whose plan has an action in every state, and says how to sign in', async () => {
    const demo = await run(['demo'], env);
    expect(demo).toMatchObject({ code: 0, err: '' });
    for (const email of [
      'lead@wessex.example',
      'olu@wessex.example',
      'board@wessex.example',
      'admin@wessex.example',
    ]) {
      expect(demo.out).toContain(email);
    }
    expect(demo.out).toMatch(/sign in at http:\/\/localhost:3000\/sign-in/);

    app = await createApp(appConfigFromEnv(env), { logger: false });
    await app.init();
    const directory = app.get(UserDirectory);
    const lead = (await directory.userByEmail('lead@wessex.example'))!;
    const owner = (await directory.userByEmail('olu@wessex.example'))!;
    expect(lead.roles).toEqual(['lead']);
    expect(lead.sealedPasswordHash).not.toBeNull();
    const { token } = await app.get(UserAdministration).issueToken(lead.userId, operatorContext());
    const http = request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);

    const inspections = await http.get('/api/inspections').expect(200);
    expect(inspections.body.items).toHaveLength(1);
    expect(inspections.body.items[0]).toMatchObject({ authority: 'Wessex County Council' });
    const plan = await http
      .get(`/api/inspections/${inspections.body.items[0].inspectionId}/plan`)
      .expect(200);
    const actions: PlanAction[] = plan.body.findings.flatMap(
      (finding: { actions: PlanAction[] }) => finding.actions,
    );
    const statuses = new Set(actions.map((action) => action.status));
    expect([...statuses].sort()).toEqual(['assigned', 'completed', 'planned', 'verified']);
    expect(actions.some((action) => action.overdue && action.status === 'assigned')).toBe(true);
    expect(actions.some((action) => action.timesMoved === 2)).toBe(true);
    expect(actions.some((action) => action.ownerId === owner.userId)).toBe(true);
    expect(plan.body.rag.status).toBe('red');

    const sentBack = actions.find((action) => action.title.startsWith('Brief GP practices'))!;
    expect(sentBack.status).toBe('assigned');
    const overdue = await http.get('/api/reports/overdue?category=priority_action').expect(200);
    expect(overdue.body.items.map((item: { title: string }) => item.title)).toContain(
      'Screen every contact with a qualified social worker',
    );
    await app.close();
    app = undefined;

    const again = await run(['demo'], env);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds a log/);
  });
});
