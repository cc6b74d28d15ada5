import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Redis } from 'ioredis';
import { createEventStore, EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { UserAdministration, UserDirectory } from '@actionledger/auth';
import { operatorContext, type Clock } from '@actionledger/command-handling';
import type { UserRole } from '@actionledger/domain';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { appConfigFromEnv } from '../src/config/app-config';
import { createApp } from '../src/create-app';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}

type Agent = ReturnType<typeof request.agent>;

/** A user the test signs in as: each role in the organisation under test, and each role in another one. */
export type TestUserName =
  | 'lead'
  | 'secondLead'
  | 'owner'
  | 'secondOwner'
  | 'board'
  | 'admin'
  | 'otherLead'
  | 'otherOwner'
  | 'otherBoard'
  | 'otherAdmin';

export interface TestUser {
  userId: string;
  organisationId: string;
  token: string;
  http: Agent;
}

export interface TestApp {
  app: INestApplication;
  /** Requests as the organisation's lead. */
  http: Agent;
  /** Requests as no one: no Authorization header. */
  anonymous: ReturnType<typeof request>;
  users: Record<TestUserName, TestUser>;
  store: EventStore;
  clock: TestClock;
  dataDir: string;
  /** How many events the whole log holds: the measure of "nothing was appended". */
  eventCount(): Promise<number>;
  /** Stops the app and starts a new one on the same data, as a restart of the process would. */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

/** The real API on a real SQLite file in a fresh temp folder. */
export async function startTestApp(
  dataDir = mkdtempSync(join(tmpdir(), 'actionledger-e2e-')),
  clock = new TestClock(),
  /** More settings, e.g. `REMINDERS: 'on'` and its timing, or a lower sign-in limit; reminders are off unless asked. */
  env: NodeJS.ProcessEnv = {},
): Promise<TestApp> {
  // The read models of each test app under a prefix of their own, named after its data folder, so that a restart
  // finds them again and parallel suites never share keys.
  const config = appConfigFromEnv({
    DATA_DIR: dataDir,
    READ_MODEL_KEY_PREFIX: `test-${basename(dataDir)}`,
    REMINDERS: 'off',
    SESSION_KEY_PREFIX: `test-${basename(dataDir)}-sessions`,
    ...env,
  });
  // Quiet by default; TEST_LOGS=1 shows the server's errors while a failing test is being investigated.
  const app = await createApp(config, { clock, logger: process.env.TEST_LOGS ? ['error', 'warn'] : false });
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  const users = await givenUsers(app);
  return {
    app,
    http: users.lead.http,
    anonymous: request(app.getHttpServer()),
    users,
    store,
    clock,
    dataDir,
    eventCount: async () => (await store.readAll()).length,
    restart: async () => {
      await app.close();
      return startTestApp(dataDir, clock, env);
    },
    close: async () => {
      await dropReadModels(config.redisUrl, config.readModelKeyPrefix);
      await dropReadModels(config.redisUrl, config.session.keyPrefix);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const TEST_USERS: Record<TestUserName, { roles: UserRole[]; other?: true }> = {
  lead: { roles: ['lead'] },
  secondLead: { roles: ['lead'] },
  owner: { roles: ['owner'] },
  secondOwner: { roles: ['owner'] },
  board: { roles: ['board'] },
  admin: { roles: ['admin'] },
  otherLead: { roles: ['lead'], other: true },
  otherOwner: { roles: ['owner'], other: true },
  otherBoard: { roles: ['board'], other: true },
  otherAdmin: { roles: ['admin'], other: true },
};

/**
 * Durham and Hartlepool, with users of every role in Durham and a lead in Hartlepool, each with a token; made
 * the way `npx actionledger setup` and `users add` make them. A restart finds them in the log.
 */
async function givenUsers(app: INestApplication): Promise<Record<TestUserName, TestUser>> {
  const administration = app.get(UserAdministration);
  const directory = app.get(UserDirectory);
  const context = operatorContext();
  const orgId = async (name: string) =>
    (await directory.organisationByName(name))?.organisationId ??
    administration.registerOrganisation(name, context);
  const own = await orgId('Durham County Council');
  const other = await orgId('Hartlepool Borough Council');
  const users = {} as Record<TestUserName, TestUser>;
  for (const [name, { roles, other: inOther }] of Object.entries(TEST_USERS)) {
    const organisationId = inOther ? other : own;
    const email = `${name.toLowerCase()}@example.org`;
    const userId =
      (await directory.userByEmail(email))?.userId ??
      (await administration.registerUser({ organisationId, email, name: `Test ${name}`, roles }, context));
    const { token } = await administration.issueToken(userId, context);
    const http = request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
    users[name as TestUserName] = { userId, organisationId, token, http };
  }
  return users;
}

async function dropReadModels(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 }))
      keys.push(...(batch as string[]));
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** A second store on the same file, to read the log the way another process would. */
export function openStoreOn(dataDir: string): EventStore {
  return createEventStore(appConfigFromEnv({ DATA_DIR: dataDir }).eventStore);
}

export const inspectionBody = {
  authority: 'Durham County Council',
  inspectionType: 'contact_referral_assessment',
  inspectionDates: ['2026-10-20', '2026-10-21'],
  letterDate: '2026-10-30',
  inspector: 'Jane Doe',
};

/** Records an inspection and a finding, and plans an action on it; returns their ids. */
export async function givenPlannedAction(
  http: TestApp['http'],
  finding: { category?: string; timescale?: string } = {},
): Promise<{ inspectionId: string; findingId: string; actionId: string }> {
  const inspection = await http.post('/api/inspections').send(inspectionBody).expect(201);
  const raised = await http
    .post(`/api/inspections/${inspection.body.id}/findings`)
    .send({
      category: finding.category ?? 'priority_action',
      timescale: finding.timescale ?? 'within_3_months',
      text: 'Ensure that all contacts are screened promptly by qualified social workers.',
    })
    .expect(201);
  const action = await http
    .post(`/api/findings/${raised.body.id}/actions`)
    .send({ title: 'Audit every contact received in October' })
    .expect(201);
  return { inspectionId: inspection.body.id, findingId: raised.body.id, actionId: action.body.id };
}

/**
 * A priority action of a 2010 letter, assigned without a due date: its timescale counts from the letter, so it
 * fell due on 2010-04-20 and is overdue the moment it is assigned.
 */
export async function givenOverdueAction(
  t: TestApp,
): Promise<{ inspectionId: string; actionId: string; position: number }> {
  const inspection = await t.http
    .post('/api/inspections')
    .send({ ...inspectionBody, inspectionDates: ['2010-01-12', '2010-01-13'], letterDate: '2010-01-20' })
    .expect(201);
  const finding = await t.http
    .post(`/api/inspections/${inspection.body.id}/findings`)
    .send({ category: 'priority_action', timescale: 'within_3_months', text: 'Screen contacts promptly.' })
    .expect(201);
  const action = await t.http
    .post(`/api/findings/${finding.body.id}/actions`)
    .send({ title: 'Audit' })
    .expect(201);
  const assigned = await t.http
    .post(`/api/actions/${action.body.id}/assign`)
    .send({ ownerId: t.users.owner.userId })
    .expect(200);
  return { inspectionId: inspection.body.id, actionId: action.body.id, position: assigned.body.position };
}
