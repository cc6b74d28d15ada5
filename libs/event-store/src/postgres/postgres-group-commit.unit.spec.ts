import { PostgresGroupCommit, type AppendUnit, type UnitOutcome } from './postgres-group-commit';

const unit = (streamId: string): AppendUnit => ({
  writes: [{ streamId, events: [], expected: 'any' }],
  json: [[]],
});
const stored = (units: AppendUnit[]): UnitOutcome[] =>
  units.map(() => ({ ok: true, results: [{ lastRevision: 0, lastPosition: 1n }] }));

describe('PostgresGroupCommit', () => {
  it('sends a lone append at once, and the appends that arrive meanwhile together in the next call', async () => {
    const calls: string[][] = [];
    const group = new PostgresGroupCommit(async (units) => {
      calls.push(units.map((u) => u.writes[0].streamId));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return stored(units);
    });
    const first = group.submit(unit('a'));
    const rest = ['b', 'c', 'd'].map((streamId) => group.submit(unit(streamId)));
    await Promise.all([first, ...rest]);
    expect(calls).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('lets callers it has just answered append again in one call, not one alone and the rest after', async () => {
    const sizes: number[] = [];
    const group = new PostgresGroupCommit(async (units) => {
      sizes.push(units.length);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return stored(units);
    });
    await Promise.all(
      Array.from({ length: 16 }, async (_, appender) => {
        for (let round = 0; round < 5; round++) await group.submit(unit(`s-${appender}`));
      }),
    );
    // The first append goes alone; from then on every caller is in every call.
    expect(sizes).toEqual([1, 16, 16, 16, 16, 15]);
  });

  it('fails only the calls of a group that could not be sent, and goes on with the next', async () => {
    let calls = 0;
    const group = new PostgresGroupCommit(async (units) => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return stored(units);
    });
    const failed = group.submit(unit('a'));
    await expect(failed).rejects.toThrow('connection lost');
    await expect(group.submit(unit('b'))).resolves.toMatchObject({ ok: true });
  });

  it('sends at most maxUnits units in one call', async () => {
    const sizes: number[] = [];
    const group = new PostgresGroupCommit(async (units) => {
      sizes.push(units.length);
      return stored(units);
    }, 3);
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((streamId) => group.submit(unit(streamId))));
    expect(sizes).toEqual([1, 3, 3]);
  });
});
