import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { ActionLedgerMetrics } from './actionledger-metrics';
import { RemindersQueueDepth } from './reminders-queue-depth';

const connection = { host: '127.0.0.1', port: 6379 };

function value(text: string, line: string): number {
  const found = text.split('\n').find((candidate) => candidate.startsWith(line));
  if (found === undefined) throw new Error(`No ${line} in\n${text}`);
  return Number(found.split(' ').at(-1));
}

describe('the metrics', () => {
  it('count reminders sent and failed from the events the write path appended, and nothing else', async () => {
    const metrics = new ActionLedgerMetrics('worker');
    metrics.appended(0.004, ['ReminderSent', 'ActionFellOverdue']);
    metrics.appended(0.002, ['ReminderSent']);
    metrics.appended(0.003, ['ReminderFailed']);
    metrics.appended(0.05, []); // an append the store refused wrote nothing
    const { body } = await metrics.exposition();
    expect(value(body, 'actionledger_reminders_sent_total{app="worker"}')).toBe(2);
    expect(value(body, 'actionledger_reminders_failed_total{app="worker"}')).toBe(1);
    expect(value(body, 'actionledger_append_duration_seconds_count{app="worker"}')).toBe(4);
    expect(value(body, 'actionledger_append_duration_seconds_bucket{le="0.005",app="worker"}')).toBe(3);
  });

  it("report the reminders queue's depth by state, read from BullMQ at each scrape", async () => {
    const keyPrefix = `test-metrics-${randomUUID()}`;
    const queue = new Queue('timers', { connection, prefix: keyPrefix });
    const depth = new RemindersQueueDepth({ connection, keyPrefix, queueName: 'timers' });
    const metrics = new ActionLedgerMetrics('api');
    metrics.watch({
      queueDepth: () => depth.counts(),
      projectionLag: async () => [{ name: 'plans', lag: 7 }],
    });
    try {
      await queue.add('timer', {}, { delay: 60_000 });
      await queue.add('timer', {}, { delay: 60_000 });
      await queue.add('timer', {});
      const { body } = await metrics.exposition();
      expect(value(body, 'actionledger_reminders_queue_jobs{state="delayed",app="api"}')).toBe(2);
      expect(value(body, 'actionledger_reminders_queue_jobs{state="waiting",app="api"}')).toBe(1);
      expect(value(body, 'actionledger_projection_lag_events{consumer="plans",app="api"}')).toBe(7);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      await depth.close();
    }
  });
});
