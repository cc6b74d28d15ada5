import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, eventStoreConfigFromEnv, type StoredEvent } from '@actionledger/event-store';
import { EXTRA_LETTERS_FOLDER } from '../libs/letters/src/testing/letters-folders';
import { postJson, startApiProcess, type ApiProcess } from './support/api-process';
import { assignedActions } from './support/assigned-actions';
import { givenOperatorUsers } from './support/operator-users';

jest.setTimeout(60_000);

const LETTER = readFileSync(join(EXTRA_LETTERS_FOLDER, 'redcar-2010-12-cra-letter.txt'), 'utf8');

/**
 * Kill -9 the API in the middle of a stream of commands, start it again on the same data, and check that every
 * command that was acknowledged is in the log, none is there twice, and none is half-written.
 */
describe('the API killed with SIGKILL mid-traffic', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'actionledger-crash-'))));
  afterEach(async () => {
    await api?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged command and no partial one', async () => {
    const users = await givenOperatorUsers(dataDir);
    const post = (path: string, body: unknown) => postJson(api!.baseUrl, path, body, users.authorization);
    api = await startApiProcess({ DATA_DIR: dataDir });
    const actionIds = await assignedActions(api.baseUrl, 4, users);

    const acknowledged: string[] = [];
    const sent: string[] = [];
    let killed = false;
    const writer = async (writerIndex: number) => {
      for (let i = 0; !killed; i++) {
        const note = `writer ${writerIndex} note ${i}`;
        sent.push(note);
        try {
          const response = await post(`/api/actions/${actionIds[writerIndex]}/progress`, {
            note,
          });
          if (response.status === 200) acknowledged.push(note);
          else throw new Error(`unexpected ${response.status}: ${response.body.message}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    // Letter confirmations write a dozen events over a dozen streams at once: a crash must not split one.
    const confirmations: string[] = [];
    const importer = async () => {
      while (!killed) {
        try {
          // Each import a document of its own: the same text twice is one draft.
          const draft = await post('/api/letters', { text: `${LETTER}\nReference ${randomUUID()}\n` });
          // The same inspection each time: the lead chooses to record it again beside the last one.
          const recordAlongside = (draft.body as { possibleDuplicateOf?: string | null }).possibleDuplicateOf;
          const confirmed = await post(
            `/api/letters/${draft.body.id}/confirm`,
            recordAlongside ? { recordAlongside } : {},
          );
          if (confirmed.status === 200) confirmations.push(draft.body.id!);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const writers = [...actionIds.map((_, index) => writer(index)), importer()];
    while (acknowledged.length < 150) await new Promise((done) => setTimeout(done, 5));
    killed = true;
    await api.kill('SIGKILL');
    await Promise.all(writers);

    api = await startApiProcess({ DATA_DIR: dataDir });
    const store = createEventStore(eventStoreConfigFromEnv({ DATA_DIR: dataDir }));
    try {
      const events = await store.readAll();
      const notes = events
        .filter((event) => event.type === 'ProgressRecorded')
        .map((event) => (event.data as { note: string }).note);
      // A command cut off before its answer may or may not have landed; every acknowledged one did.
      expect(acknowledged.filter((note) => !notes.includes(note))).toEqual([]);
      expect(new Set(notes).size).toBe(notes.length);
      expect(notes.every((note) => sent.includes(note))).toBe(true);
      expectWholeStreams(events);
      expectWholeLetterConfirmations(events, confirmations);
    } finally {
      await store.close();
    }

    const after = await post(`/api/actions/${actionIds[0]}/progress`, {
      note: 'after restart',
    });
    expect(after.status).toBe(200);
  });
});

/** Each confirmed letter has its inspection and every finding; nothing a confirmation writes exists without it. */
function expectWholeLetterConfirmations(events: StoredEvent[], acknowledged: string[]): void {
  const streams = new Set(events.map((event) => event.streamId));
  const confirmed = events.filter((event) => event.type === 'LetterDraftConfirmed');
  expect(confirmed.length).toBeGreaterThanOrEqual(acknowledged.length);
  for (const draftId of acknowledged) {
    expect(confirmed.map((event) => (event.data as { draftId: string }).draftId)).toContain(draftId);
  }
  const recordedByConfirmations = new Set<string>();
  for (const event of confirmed) {
    const { inspectionId, findingIds } = event.data as { inspectionId: string; findingIds: string[] };
    for (const stream of [`inspection-${inspectionId}`, ...findingIds.map((id) => `finding-${id}`)]) {
      expect(streams.has(stream)).toBe(true);
      recordedByConfirmations.add(stream);
    }
    // Its claim on the inspection's identity (authority, type, dates) was written with it.
    const claim = events.find(
      (other) =>
        other.type === 'InspectionIdentityClaimed' &&
        (other.data as { inspectionId: string }).inspectionId === inspectionId,
    );
    expect(claim).toBeDefined();
    recordedByConfirmations.add(claim!.streamId);
  }
  const writtenByConfirm = events.filter(
    (event) => event.metadata.command === 'ConfirmLetterDraft' && event.type !== 'LetterDraftConfirmed',
  );
  for (const event of writtenByConfirm) expect(recordedByConfirmations.has(event.streamId)).toBe(true);
}

/** Every stream's revisions run 0, 1, 2… without a gap, and every event is whole. */
function expectWholeStreams(events: StoredEvent[]): void {
  const revisions = new Map<string, number[]>();
  for (const event of events) {
    expect(event.metadata).toEqual(
      expect.objectContaining({ correlationId: expect.any(String), occurredAt: expect.any(String) }),
    );
    revisions.set(event.streamId, [...(revisions.get(event.streamId) ?? []), event.revision]);
  }
  for (const [, list] of revisions) expect(list).toEqual(list.map((_, index) => index));
}
