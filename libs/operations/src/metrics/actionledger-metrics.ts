import type { CommandObserver, CommandOutcome } from '@actionledger/command-handling';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What /metrics reads at each scrape: how far behind each projection is, how many reminder jobs wait. */
export interface MetricSources {
  projectionLag?: () => Promise<readonly { name: string; lag: number }[]>;
  queueDepth?: () => Promise<Record<string, number>>;
}

/**
 * The process's Prometheus metrics, in a registry of its own (so that several apps in one test process never
 * share counters): commands by type and outcome, append latency, HTTP latency by route, reminders sent and
 * failed (counted from the events the write path appends), and, at each scrape, projection lag and queue depth.
 */
export class ActionLedgerMetrics implements CommandObserver {
  readonly registry = new Registry();
  private sources: MetricSources = {};

  private readonly commands = new Counter({
    name: 'actionledger_commands_total',
    help: 'Commands handled by the write path, by command type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly appendSeconds = new Histogram({
    name: 'actionledger_append_duration_seconds',
    help: 'Time the event store took to append one write (one or several streams).',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly remindersSent = new Counter({
    name: 'actionledger_reminders_sent_total',
    help: 'Reminders, overdue notices and escalations recorded as sent (ReminderSent) by this process.',
    registers: [this.registry],
  });

  private readonly remindersFailed = new Counter({
    name: 'actionledger_reminders_failed_total',
    help: 'Reminders recorded as failed after their last try (ReminderFailed) by this process.',
    registers: [this.registry],
  });

  private readonly httpSeconds = new Histogram({
    name: 'actionledger_http_request_duration_seconds',
    help: 'HTTP requests by method, route (the pattern, not the path) and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(app: 'api' | 'worker') {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry, prefix: 'actionledger_' });
    const sources = () => this.sources;
    new Gauge({
      name: 'actionledger_projection_lag_events',
      help: 'Log positions between each projection or process manager checkpoint and the head of the log.',
      labelNames: ['consumer'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { name, lag } of (await sources()
          .projectionLag?.()
          .catch(() => [])) ?? [])
          this.set({ consumer: name }, lag);
      },
    });
    new Gauge({
      name: 'actionledger_reminders_queue_jobs',
      help: 'Jobs in the reminders queue (BullMQ), by state.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const none: Record<string, number> = {};
        const counts =
          (await sources()
            .queueDepth?.()
            .catch(() => none)) ?? none;
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      },
    });
  }

  /** Where projection lag and queue depth come from; given once the runner and the queue exist. */
  watch(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  commandFinished(commandType: string, outcome: CommandOutcome): void {
    this.commands.inc({ type: commandType, outcome });
  }

  appended(seconds: number, eventTypes: readonly string[]): void {
    this.appendSeconds.observe(seconds);
    for (const type of eventTypes) {
      if (type === 'ReminderSent') this.remindersSent.inc();
      if (type === 'ReminderFailed') this.remindersFailed.inc();
    }
  }

  httpRequestFinished(method: string, route: string, status: number, seconds: number): void {
    this.httpSeconds.observe({ method, route, status: String(status) }, seconds);
  }

  /** The text exposition format Prometheus scrapes. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
