import { randomUUID } from 'node:crypto';
import { followUpStreamId } from '@actionledger/domain';
import { PlansProjection } from '../plans/plans.projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { PlanScript } from '../testing/plan-script';
import { projectionTestBed } from '../testing/redis-test-setup';
import { FollowUpsProjection } from './follow-ups.projection';
import { listFollowUps } from './follow-ups.query';

const ORG = 'org-1';
const metadata = {
  actor: { userId: 'lead', role: 'lead' },
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2026-03-02T09:30:00Z',
};

describe('GET /api/follow-ups, from the log', () => {
  const bed = projectionTestBed();
  afterAll(() => bed.cleanUp());

  it('lists upcoming follow-ups soonest first, with the findings they will look at and their readiness', async () => {
    const store = bed.openStore();
    const runner = new ProjectionRunner({
      store,
      redis: bed.redis,
      keys: bed.keys,
      projections: [new PlansProjection(bed.keys), new FollowUpsProjection(bed.keys)],
    });
    try {
      await runner.start();
      const script = new PlanScript()
        .recordInspection(ORG, 'i-1')
        .raiseFinding('i-1', 'f-1', 'priority_action')
        .planAction('f-1', 'a-1')
        .assign('a-1', 'o', '2026-04-01')
        .complete('a-1')
        .verify('a-1');
      await bed.append(store, script);
      const schedule = (followUpId: string, expectedDate: string) =>
        store.append(
          followUpStreamId(followUpId),
          [
            {
              id: randomUUID(),
              type: 'FollowUpScheduled',
              data: {
                followUpId,
                organisationId: ORG,
                authority: 'Durham',
                expectedDate,
                followsInspectionId: 'i-1',
              },
              metadata,
            },
          ],
          'no_stream',
        );
      await schedule('u-late', '2027-06-01');
      await schedule('u-past', '2026-01-01');
      const { position } = await schedule('u-soon', '2026-09-01');
      await runner.waitFor(position);
      const context = { redis: bed.redis, keys: bed.keys, clock: () => new Date('2026-05-01T09:00:00Z') };
      const page = await listFollowUps(context, ORG);
      expect(page.items.map((item) => [item.followUpId, item.readiness])).toEqual([
        ['u-soon', 1],
        ['u-late', 1],
      ]);
      expect(page.items[0].findings).toMatchObject([
        { findingId: 'f-1', allVerified: true, actions: { total: 1 } },
      ]);
      expect((await listFollowUps(context, 'org-other')).items).toEqual([]);
    } finally {
      await runner.close();
    }
  });
});
