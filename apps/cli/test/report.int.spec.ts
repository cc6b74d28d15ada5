import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PersonalDataVault, UserAdministration, UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  CommandExecutor,
  operatorContext,
  systemClock,
} from '@actionledger/command-handling';
import { reportIssuesStreamId } from '@actionledger/domain';
import { createEventStore, eventStoreConfigFromEnv } from '@actionledger/event-store';
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import { PlanScript } from '../../../libs/projections/src/testing/plan-script';
import { appendScriptedEvents } from '../../../libs/reports/src/testing/append-scripted-events';
import { run } from './run-cli';

describe('actionledger report', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let organisationId: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'actionledger-cli-report-'));
    env = { DATA_DIR: dataDir };
    const store = createEventStore(eventStoreConfigFromEnv(env));
    const vault = new PersonalDataVault(resolve(dataDir, 'personal-data-keys.db'));
    try {
      const directory = new UserDirectory(store, vault);
      const people = new UserAdministration(
        new CommandExecutor(store, systemClock, new AggregateLoader(store)),
        directory,
        vault,
      );
      organisationId = await people.registerOrganisation('Sunderland City Council', operatorContext());
      const ownerId = await people.registerUser(
        { organisationId, email: 'meg@example.org', name: 'Meg Boustead', roles: ['owner'] },
        operatorContext(),
      );
      const script = new PlanScript(new Date('2026-09-02T09:30:00Z'))
        .recordInspection(organisationId, 'i-1', {
          authority: 'Sunderland',
          letterDate: '2026-09-02',
          inspectionDates: ['2026-08-18', '2026-08-19'],
        })
        .raiseFinding(
          'i-1',
          'f-1',
          'area_for_development',
          'none',
          'Strategy meetings are not routinely held on a multi-agency basis.',
        )
        .planAction('f-1', 'a-1', 'Agree a unified approach with police and health colleagues')
        .assign('a-1', ownerId, '2026-10-30')
        .at('2026-10-20T09:30:00Z')
        .complete('a-1');
      await appendScriptedEvents(store, script.events, 'lead-1', organisationId);
    } finally {
      vault.close();
      await store.close();
    }
  }, 30_000);
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the Word paper with owners by name and the audit head, issues it, and knows the file again', async () => {
    const out = join(dataDir, 'paper.docx');
    const written = await run(
      [
        'report',
        'committee',
        '--inspection',
        'i-1',
        '--since',
        '2026-09-01',
        '--as-of',
        '2026-11-30',
        '--format',
        'docx',
        '--out',
        out,
        '--issue',
      ],
      env,
    );
    expect(written).toMatchObject({ code: 0, err: '' });
    expect(written.out).toContain('the report on Sunderland as at 2026-11-30, from 2026-09-01');
    const head = /It cites audit head (ah1-\d+-[0-9a-f]{64})\./.exec(written.out)![1];
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(out) });
    expect(text).toContain('Meg Boustead');
    expect(text).toContain(
      'Agree a unified approach with police and health colleagues – completed 20 October 2026, awaiting verification',
    );
    expect(text).toContain(`npx actionledger audit verify --head ${head}`);

    const check = await run(['report', 'check', out], env);
    expect(check.code).toBe(0);
    expect(check.out).toContain('is the docx report issued on');
    expect(check.out).toContain(`npx actionledger audit verify --head ${head}`);
    // The head the paper cites still verifies against the log.
    expect((await run(['audit', 'verify', '--head', head], env)).code).toBe(0);

    const edited = join(dataDir, 'edited.docx');
    const bytes = readFileSync(out);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(edited, bytes);
    const refused = await run(['report', 'check', edited], env);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain('is not a report this system issued');
  }, 60_000);

  it('starts the next report the day after the last one issued', async () => {
    const first = join(dataDir, 'first.csv');
    await run(
      [
        'report',
        'committee',
        '--inspection',
        'i-1',
        '--as-of',
        '2026-10-15',
        '--format',
        'csv',
        '--out',
        first,
        '--issue',
      ],
      env,
    );
    const next = await run(
      [
        'report',
        'committee',
        '--inspection',
        'i-1',
        '--as-of',
        '2026-11-30',
        '--format',
        'html',
        '--out',
        join(dataDir, 'next.html'),
      ],
      env,
    );
    expect(next.out).toContain('as at 2026-11-30, from 2026-10-16');
    const store = createEventStore(eventStoreConfigFromEnv(env));
    try {
      expect((await store.readStream(reportIssuesStreamId('i-1'))).map((e) => e.type)).toEqual([
        'ReportIssued',
      ]);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('refuses a period that starts after the day it is as at, and an inspection it does not have', async () => {
    const out = join(dataDir, 'x.html');
    const late = await run(
      [
        'report',
        'committee',
        '--inspection',
        'i-1',
        '--since',
        '2026-12-01',
        '--as-of',
        '2026-11-30',
        '--format',
        'html',
        '--out',
        out,
      ],
      env,
    );
    expect(late.code).toBe(2);
    expect(late.err).toContain('since');
    expect(
      (
        await run(
          [
            'report',
            'committee',
            '--inspection',
            'i-1',
            '--since',
            '2026-13-01',
            '--format',
            'html',
            '--out',
            out,
          ],
          env,
        )
      ).code,
    ).toBe(2);
    const unknown = await run(
      ['report', 'committee', '--inspection', 'i-9', '--format', 'html', '--out', out],
      env,
    );
    expect(unknown.code).toBe(3);
  }, 30_000);

  it('writes one file on every open inspection of an organisation, and issues it on each', async () => {
    const store = createEventStore(eventStoreConfigFromEnv(env));
    try {
      const second = new PlanScript(new Date('2026-10-02T09:30:00Z'))
        .recordInspection(organisationId, 'i-2', { authority: 'Sunderland', letterDate: '2026-10-02' })
        .raiseFinding('i-2', 'f-2', 'priority_action', 'immediately', 'Contacts are not screened promptly.')
        .planAction('f-2', 'a-2', 'Screen every contact within a day')
        .recordInspection(organisationId, 'i-3', { authority: 'Sunderland' })
        .raiseFinding('i-3', 'f-3', 'area_for_development')
        .withdrawInspection('i-3');
      await appendScriptedEvents(store, second.events, 'lead-1', organisationId);
    } finally {
      await store.close();
    }
    const out = join(dataDir, 'all.csv');
    const args = [
      'report',
      'committee',
      '--organisation',
      'Sunderland City Council',
      '--as-of',
      '2026-11-30',
    ];
    const written = await run([...args, '--format', 'csv', '--out', out, '--issue'], env);
    expect(written.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('Agree a unified approach with police and health colleagues');
    expect(csv).toContain('Screen every contact within a day');
    expect(csv).not.toContain('i-3');
    const check = createEventStore(eventStoreConfigFromEnv(env));
    try {
      for (const inspectionId of ['i-1', 'i-2']) {
        expect((await check.readStream(reportIssuesStreamId(inspectionId))).map((e) => e.type)).toEqual([
          'ReportIssued',
        ]);
      }
    } finally {
      await check.close();
    }
    const both = await run([...args, '--inspection', 'i-1', '--format', 'csv', '--out', out], env);
    expect(both.code).toBe(2);
  }, 30_000);

  it('refuses to write a paper over a log whose hash chain is broken, naming the link (exit 4)', async () => {
    const db = new Database(join(dataDir, 'events.db'));
    try {
      const row = db.prepare("SELECT position, data FROM events WHERE type = 'ActionAssigned'").get() as {
        position: number;
        data: string;
      };
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
        row.data.replace('2026-10-30', '2026-12-30'),
        row.position,
      );
    } finally {
      db.close();
    }
    const out = join(dataDir, 'tampered.html');
    const refused = await run(
      ['report', 'committee', '--inspection', 'i-1', '--format', 'html', '--out', out],
      env,
    );
    expect(refused.code).toBe(4);
    expect(refused.err).toContain('ActionAssigned');
  }, 30_000);
});
