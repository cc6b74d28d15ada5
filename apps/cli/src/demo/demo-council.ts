import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { UserAdministration } from '@actionledger/auth';
import { operatorContext } from '@actionledger/command-handling';
import type { UserRole } from '@actionledger/domain';
import { appConfigFromEnv } from '../../../api/src/config/app-config';
import { createApp } from '../../../api/src/create-app';
import { CliError, EXIT } from '../cli-error';
import { demoLetter } from './demo-letter';

export const DEMO_ORGANISATION = 'Wessex County Council';
/** Every demo user's password: the demo is for a first look on one's own machine, never for real data. */
export const DEMO_PASSWORD = 'wessex-demo-password';

export interface DemoPerson {
  key: 'lead' | 'olu' | 'priya' | 'board' | 'admin';
  name: string;
  email: string;
  roles: UserRole[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'lead', name: 'Sam Patel', email: 'lead@wessex.example', roles: ['lead'] },
  { key: 'olu', name: 'Olu Adebayo', email: 'olu@wessex.example', roles: ['owner'] },
  { key: 'priya', name: 'Priya Shah', email: 'priya@wessex.example', roles: ['owner'] },
  { key: 'board', name: 'Bea Morgan', email: 'board@wessex.example', roles: ['board'] },
  { key: 'admin', name: 'Ada Lovell', email: 'admin@wessex.example', roles: ['admin'] },
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A calendar date `days` from `today` (negative: before it). */
const dayFrom = (today: Date, days: number): string =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);

const inWords = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

export interface DemoResult {
  inspectionId: string;
  actions: number;
  people: readonly DemoPerson[];
}

/**
 * A fictional council in an empty data folder, made through the real API as its people would make it: a letter
 * imported and confirmed, a plan with an action in every state (overdue, due soon, moved twice, completed, signed
 * off, sent back, not yet assigned), and users of every role who can sign in.
 */
export async function fillDemoCouncil(env: NodeJS.ProcessEnv, today = new Date()): Promise<DemoResult> {
  const config = appConfigFromEnv(env);
  const dataDir = env.DATA_DIR?.trim() || './data';
  if (config.eventStore.adapter === 'sqlite' && existsSync(join(dataDir, 'events.db'))) {
    throw new CliError(
      `${dataDir} already holds a log: the demo fills an empty data folder, e.g. DATA_DIR=./demo-data npm run demo.`,
      EXIT.usage,
    );
  }
  const app = await createApp(config, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  try {
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const administration = app.get(UserAdministration);
    const context = operatorContext();
    const organisationId = await administration.registerOrganisation(DEMO_ORGANISATION, context);
    const tokens = {} as Record<DemoPerson['key'], string>;
    const ids = {} as Record<DemoPerson['key'], string>;
    for (const person of DEMO_PEOPLE) {
      const userId = await administration.registerUser(
        { organisationId, email: person.email, name: person.name, roles: person.roles },
        context,
      );
      const { invitationToken } = await administration.invite(userId, context);
      await administration.setPassword(invitationToken, DEMO_PASSWORD, context);
      tokens[person.key] = (await administration.issueToken(userId, context)).token;
      ids[person.key] = userId;
    }

    const as =
      (who: DemoPerson['key']) =>
      async (path: string, body: unknown = {}) => {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as Record<string, unknown>;
        if (!response.ok) throw new Error(`The demo's ${path} was refused: ${String(answer.message)}`);
        return answer;
      };
    const lead = as('lead');
    const olu = as('olu');
    const priya = as('priya');

    const letter = demoLetter({
      inspected: [inWords(dayFrom(today, -125)), inWords(dayFrom(today, -124))],
      letter: inWords(dayFrom(today, -110)),
      previous: `${MONTHS[new Date(dayFrom(today, -480)).getUTCMonth()]} ${dayFrom(today, -480).slice(0, 4)}`,
    });
    const draft = await lead('/api/letters', { text: letter });
    const confirmed = await lead(`/api/letters/${String(draft.id)}/confirm`);
    const inspectionId = String(confirmed.inspectionId);
    const proposed = (draft.proposal as { findings: { category: string }[] }).findings;
    const toAct = (confirmed.findingIds as string[]).filter(
      (_, index) => proposed[index].category !== 'strength',
    );
    if (toAct.length !== 4)
      throw new Error(`The demo letter gave ${toAct.length} findings to act on, not 4.`);
    const [priority, risk, thresholds, oversight] = toAct;

    const plan = async (findingId: string, title: string) =>
      String((await lead(`/api/findings/${findingId}/actions`, { title })).id);
    const assign = (actionId: string, owner: 'olu' | 'priya', days: number) =>
      lead(`/api/actions/${actionId}/assign`, { ownerId: ids[owner], dueDate: dayFrom(today, days) });

    // Overdue priority action, with progress reported: the lead's first worry.
    const screening = await plan(priority, 'Screen every contact with a qualified social worker');
    await assign(screening, 'olu', -20);
    await olu(`/api/actions/${screening}/progress`, {
      note: 'Rota drafted; two agency social workers start next month.',
    });
    // Priority action due within the week.
    const strategy = await plan(priority, 'Track strategy discussions against the one-day standard');
    await assign(strategy, 'priya', 5);
    // Moved twice, each time with its reason.
    const training = await plan(risk, 'Train every assessment team in domestic abuse risk analysis');
    await assign(training, 'olu', -60);
    await lead(`/api/actions/${training}/reschedule`, {
      dueDate: dayFrom(today, -15),
      reason: 'The trainer withdrew; a new provider is being commissioned.',
    });
    await lead(`/api/actions/${training}/reschedule`, {
      dueDate: dayFrom(today, 12),
      reason: 'Sessions moved to avoid the Christmas rota.',
    });
    // Completed, waiting for the lead to sign it off.
    const audit = await plan(risk, 'Audit 40 initial assessments for the analysis of risk');
    await assign(audit, 'priya', -3);
    await priya(`/api/actions/${audit}/complete`, {
      summary: 'Audit of 40 assessments done; findings reported to the practice board.',
      evidence: ['Audit report, November'],
    });
    // Completed and signed off.
    const guidance = await plan(thresholds, 'Publish threshold guidance to schools and health partners');
    await assign(guidance, 'olu', -30);
    await olu(`/api/actions/${guidance}/complete`, {
      summary: 'Guidance published and briefed to 60 schools.',
    });
    await lead(`/api/actions/${guidance}/verify`, { note: 'Read the guidance and the briefing log.' });
    // Sent back: completed, then reopened by the lead with a reason.
    const briefings = await plan(thresholds, 'Brief GP practices on the threshold document');
    await assign(briefings, 'priya', 20);
    await priya(`/api/actions/${briefings}/complete`, { summary: 'Briefing sent by email.' });
    await lead(`/api/actions/${briefings}/reopen`, {
      reason: 'An email is not a briefing: please meet the GP leads.',
    });
    // Planned, nobody assigned yet; and one due in six weeks.
    await plan(oversight, 'Add a management oversight step to the assessment form');
    const supervision = await plan(oversight, 'Review supervision records in every team');
    await assign(supervision, 'olu', 42);

    return { inspectionId, actions: 8, people: DEMO_PEOPLE };
  } finally {
    await app.close();
  }
}
