import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataVault, UserDirectory } from '@actionledger/auth';
import {
  AggregateLoader,
  CommandExecutor,
  deterministicId,
  systemClock,
  type CommandContext,
} from '@actionledger/command-handling';
import {
  actionStreamId,
  createActionDecider,
  DomainRuleViolation,
  evolveAction,
  findingDecider,
  findingStreamId,
  initialActionState,
} from '@actionledger/domain';
import { SqliteEventStore, type EventStore, type StoredEvent } from '@actionledger/event-store';
import { FindingResolver, resolutionKeyOf } from '@actionledger/projections';
import { PlanScript } from '../../../libs/projections/src/testing/plan-script';
import { ExecuteActionHandler } from '../src/actions/execute-action.handler';
import { ExecuteActionCommand } from '../src/actions/execute-action.command';

/** Holds the next append (of either kind) until released, and says when one has arrived. */
class AppendGate {
  private closed = false;
  private opened: Promise<void> = Promise.resolve();
  private open = () => undefined as void;
  arrived: Promise<void> = Promise.resolve();
  private arrive = () => undefined as void;

  close(): void {
    this.closed = true;
    this.opened = new Promise((resolve) => (this.open = resolve));
    this.arrived = new Promise((resolve) => (this.arrive = resolve));
  }
  release(): void {
    this.open();
  }
  async pass(): Promise<void> {
    if (!this.closed) return;
    this.closed = false; // only the first append waits: a retry goes straight through
    this.arrive();
    await this.opened;
  }
}

function gated(store: EventStore, gate: AppendGate): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'append' || property === 'appendToStreams') {
        return async (...args: unknown[]) => {
          await gate.pass();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

const policy = {
  immediately: { days: 7 },
  within_3_months: { months: 3 },
  within_6_months: { months: 6 },
  none: null,
};
const ORG = 'org-race';
const lead: CommandContext = {
  actor: { userId: 'lead-1', role: 'lead', organisationId: ORG },
  correlationId: 'c-race',
  causationId: 'c-race',
};

/**
 * Two processes on one log, as the API and the worker are: each with its own store connection, loader and write
 * queue, so that nothing in memory serialises them and only the store's expected revisions can.
 */
describe('an action planned at the same moment as the last verification of its finding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionledger-race-'));
  const file = join(dir, 'events.db');
  const raw = [
    new SqliteEventStore(file, { synchronous: 'NORMAL' }),
    new SqliteEventStore(file, { synchronous: 'NORMAL' }),
  ];
  const vault = new PersonalDataVault(join(dir, 'personal-data-keys.db'));
  const apiGate = new AppendGate();
  const workerGate = new AppendGate();
  const apiStore = gated(raw[0], apiGate);
  const workerStore = gated(raw[1], workerGate);
  const apiLoader = new AggregateLoader(apiStore);
  const planner = new ExecuteActionHandler(
    new CommandExecutor(apiStore, systemClock, apiLoader),
    apiLoader,
    new UserDirectory(apiStore, vault),
    createActionDecider(policy),
  );
  const workerLoader = new AggregateLoader(workerStore);
  const resolver = new FindingResolver(
    new CommandExecutor(workerStore, systemClock, workerLoader),
    workerLoader,
  );
  let inspections = 0;

  afterAll(async () => {
    await Promise.all(raw.map((store) => store.close()));
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A finding whose one action has just been verified: the event the resolution process reacts to. */
  async function givenLastActionVerified(findingId: string, actionId: string): Promise<StoredEvent> {
    const inspectionId = `i-${++inspections}`;
    const script = new PlanScript()
      .recordInspection(ORG, inspectionId)
      .raiseFinding(inspectionId, findingId)
      .planAction(findingId, actionId)
      .assign(actionId, 'owner-1', '2026-04-01')
      .complete(actionId)
      .verify(actionId);
    for (const { streamId, event } of script.newEvents()) {
      await raw[0].append(
        streamId,
        [{ ...event, metadata: { ...event.metadata, actor: lead.actor } }],
        'any',
      );
    }
    return (await raw[1].readStream(actionStreamId(actionId))).pop()!;
  }

  const plan = (findingId: string, actionId: string) =>
    planner.execute(
      new ExecuteActionCommand(
        actionId,
        { type: 'PlanAction', data: { title: 'One more' } },
        lead,
        findingId,
      ),
    );

  /** The invariant: a resolved finding has no action that counts and is not verified. */
  async function expectNoOpenActionOnAResolvedFinding(findingId: string) {
    const fresh = new AggregateLoader(raw[1]);
    const { state } = await fresh.load(findingStreamId(findingId), findingDecider);
    const planned = (await raw[1].readAll()).filter(
      (event) => event.type === 'ActionPlanned' && event.data.findingId === findingId,
    );
    const statuses = await Promise.all(
      planned.map(async (event) => {
        const action = await fresh.load(actionStreamId(String(event.data.actionId)), {
          evolve: evolveAction,
          initialState: initialActionState,
        });
        return action.state.status;
      }),
    );
    if (state.status === 'resolved') {
      expect(statuses.filter((status) => status !== 'verified' && status !== 'withdrawn')).toEqual([]);
    }
    return { findingStatus: state.status, actionStatuses: statuses };
  }

  it('plan written first: the resolution fails its expected revision, is decided again with the new action in view, and is refused', async () => {
    const cause = await givenLastActionVerified('f-1', 'a-1');
    workerGate.close();
    const resolving = resolver.resolve({ findingId: 'f-1', verifiedActionIds: ['a-1'] }, cause);
    await workerGate.arrived; // the resolution is decided (a-1 verified, finding open) and about to append
    await plan('f-1', 'a-2');
    workerGate.release();
    await resolving;

    const findingEvents = (await raw[1].readStream(findingStreamId('f-1'))).map((event) => event.type);
    expect(findingEvents).toEqual(['FindingRaised', 'ActionAddedToFinding']);
    expect(await expectNoOpenActionOnAResolvedFinding('f-1')).toEqual({
      findingStatus: 'open',
      actionStatuses: ['verified', 'planned'],
    });
  });

  it('resolution written first: the plan is decided again, sees the finding resolved, and is refused, appending nothing', async () => {
    const cause = await givenLastActionVerified('f-2', 'b-1');
    apiGate.close();
    const planning = plan('f-2', 'b-2');
    await apiGate.arrived; // the plan is decided (finding open) and about to append
    await resolver.resolve({ findingId: 'f-2', verifiedActionIds: ['b-1'] }, cause);
    const before = (await raw[1].readAll()).length;
    apiGate.release();

    await expect(planning).rejects.toThrow(DomainRuleViolation);
    await expect(planning).rejects.toThrow(/reopen the finding first/);
    expect((await raw[1].readAll()).length).toBe(before);
    expect(await raw[1].readStream(actionStreamId('b-2'))).toEqual([]);
    expect(await expectNoOpenActionOnAResolvedFinding('f-2')).toEqual({
      findingStatus: 'resolved',
      actionStatuses: ['verified'],
    });
  });

  it('a verification redelivered after the finding was reopened does not resolve it again: the retry writes the same event id', async () => {
    const cause = await givenLastActionVerified('f-3', 'c-1');
    await resolver.resolve({ findingId: 'f-3', verifiedActionIds: ['c-1'] }, cause);
    const executor = new CommandExecutor(raw[1], systemClock, new AggregateLoader(raw[1]));
    await executor.execute({
      id: 'f-3',
      streamId: findingStreamId('f-3'),
      decider: findingDecider,
      commandType: 'ReopenFinding',
      context: lead,
      prepare: (_state, metadata) => ({
        type: 'ReopenFinding' as const,
        data: { findingId: 'f-3', reason: 'resolved too early' },
        metadata,
      }),
    });
    // The runner crashed before moving its checkpoint: another process reacts to the same event again.
    await new FindingResolver(executor, new AggregateLoader(raw[1])).resolve(
      { findingId: 'f-3', verifiedActionIds: ['c-1'] },
      cause,
    );
    const events = await raw[1].readStream(findingStreamId('f-3'));
    expect(events.map((event) => event.type)).toEqual([
      'FindingRaised',
      'FindingResolved',
      'FindingReopened',
    ]);
    expect(events[1].id).toBe(deterministicId('system:finding-resolution', resolutionKeyOf(cause), '0'));
  });

  it('left to race freely, many times over, never leaves a resolved finding with an open action', async () => {
    for (let round = 0; round < 25; round += 1) {
      const cause = await givenLastActionVerified(`g-${round}`, `d-${round}`);
      const outcomes = await Promise.allSettled([
        resolver.resolve({ findingId: `g-${round}`, verifiedActionIds: [`d-${round}`] }, cause),
        plan(`g-${round}`, `e-${round}`),
      ]);
      expect(outcomes[0].status).toBe('fulfilled');
      const { findingStatus } = await expectNoOpenActionOnAResolvedFinding(`g-${round}`);
      // Exactly one of the two won: the plan was refused, or the finding stayed open.
      expect(outcomes[1].status === 'rejected').toBe(findingStatus === 'resolved');
    }
  });
});
