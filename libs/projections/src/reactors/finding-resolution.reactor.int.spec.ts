import { ProjectionRunner } from '../runner/projection-runner';
import { PlanScript } from '../testing/plan-script';
import { projectionTestBed } from '../testing/redis-test-setup';
import {
  createFindingResolutionReactor,
  FINDING_RESOLUTION_REACTOR,
  type FindingResolution,
} from './finding-resolution.reactor';

const ORG = 'org-1';
const twoActionsVerified = () =>
  new PlanScript()
    .recordInspection(ORG, 'i-1')
    .raiseFinding('i-1', 'f-1')
    .planAction('f-1', 'a-1')
    .planAction('f-1', 'a-2')
    .assign('a-1', 'o', '2026-04-01')
    .assign('a-2', 'o', '2026-04-01')
    .complete('a-1')
    .verify('a-1')
    .complete('a-2')
    .verify('a-2');

describe('the finding-resolution reactor on the runner', () => {
  const bed = projectionTestBed();
  const afterTest: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(afterTest.splice(0).map((close) => close()));
  });
  afterAll(() => bed.cleanUp());

  it('resolves a finding once its actions are verified, moves its checkpoint only after success, and never twice', async () => {
    const store = bed.openStore();
    const calls: { resolution: FindingResolution; cause: string }[] = [];
    let failuresLeft = 1;
    const reactor = createFindingResolutionReactor({
      keys: bed.keys,
      async resolve(resolution, cause) {
        if (failuresLeft-- > 0) throw new Error('the event store is busy');
        calls.push({ resolution, cause: cause.id });
      },
    });
    const checkpointKey = bed.keys.reactor(FINDING_RESOLUTION_REACTOR, 'checkpoint');
    const make = () =>
      new ProjectionRunner({
        store,
        redis: bed.redis,
        keys: bed.keys,
        projections: [],
        reactors: [reactor],
        backoff: { initialMs: 50, maxMs: 100 },
        log: () => undefined,
      });
    const runner = make();
    afterTest.push(() => runner.close());
    await runner.start();
    const script = twoActionsVerified();
    const head = await bed.append(store, script);
    const lastVerified = (await store.readAll()).filter((e) => e.type === 'ActionVerified').pop()!;
    for (let waited = 0; calls.length === 0 && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(calls).toEqual([
      { resolution: { findingId: 'f-1', verifiedActionIds: ['a-1', 'a-2'] }, cause: lastVerified.id },
    ]);
    for (
      let waited = 0;
      (await bed.redis.get(checkpointKey)) !== head.toString() && waited < 3000;
      waited += 20
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await bed.redis.get(checkpointKey)).toBe(head.toString());
    await runner.close();

    // A restart goes on from the checkpoint: the events already reacted to are not reacted to again. (Nothing
    // appended FindingResolved here, so a re-verified action asks again; the command would refuse it.)
    const again = make();
    try {
      await again.start();
      const before = script.events.length;
      const more = await bed.append(store, script.reopen('a-2').complete('a-2').verify('a-2'), before);
      for (
        let waited = 0;
        (await bed.redis.get(checkpointKey)) !== more.toString() && waited < 3000;
        waited += 20
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(calls.map((call) => call.cause)).toEqual([lastVerified.id, (await store.readAll()).pop()!.id]);
    } finally {
      await again.close();
    }
  });

  it('judges a finding on the actions that count: a withdrawal resolves it, a reopened finding resolves again', async () => {
    const store = bed.openStore();
    const calls: FindingResolution[] = [];
    const reactor = createFindingResolutionReactor({
      keys: bed.keys,
      async resolve(resolution) {
        calls.push(resolution);
      },
    });
    const runner = new ProjectionRunner({
      store,
      redis: bed.redis,
      keys: bed.keys,
      projections: [],
      reactors: [reactor],
      log: () => undefined,
    });
    afterTest.push(() => runner.close());
    const checkpointKey = bed.keys.reactor(FINDING_RESOLUTION_REACTOR, 'checkpoint');
    await bed.redis.del(checkpointKey); // a new log: the test before left its own checkpoint
    await runner.start();
    const reached = async (position: bigint) => {
      for (let waited = 0; waited < 3000; waited += 20) {
        if ((await bed.redis.get(checkpointKey)) === position.toString()) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`The reactor did not reach ${position}.`);
    };
    const script = new PlanScript()
      .recordInspection(ORG, 'i-2')
      .raiseFinding('i-2', 'f-2')
      .planAction('f-2', 'b-1')
      .planAction('f-2', 'b-2')
      .assign('b-1', 'o', '2026-04-01')
      .complete('b-1')
      .verify('b-1');
    await reached(await bed.append(store, script));
    expect(calls).toEqual([]);

    let appended = script.events.length;
    script.withdraw('b-2');
    await reached(await bed.append(store, script, appended));
    expect(calls).toEqual([{ findingId: 'f-2', verifiedActionIds: ['b-1'] }]);

    appended = script.events.length;
    script
      .resolveFinding('f-2', ['b-1'])
      .reopenFinding('f-2')
      .planAction('f-2', 'b-3')
      .assign('b-3', 'o', '2026-05-01')
      .complete('b-3')
      .verify('b-3');
    await reached(await bed.append(store, script, appended));
    expect(calls).toEqual([
      { findingId: 'f-2', verifiedActionIds: ['b-1'] },
      { findingId: 'f-2', verifiedActionIds: ['b-1', 'b-3'] },
    ]);
  });
});
