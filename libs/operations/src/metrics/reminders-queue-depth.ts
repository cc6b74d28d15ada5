import { Queue, type ConnectionOptions } from 'bullmq';

/**
 * A BullMQ handle on the reminders queue for counting its jobs only (it adds none), so that a process that runs
 * no reminders (the API with REMINDERS=off) still reports the depth of the queue its worker drains.
 */
export class RemindersQueueDepth {
  private readonly queue: Queue;

  constructor(options: { connection: ConnectionOptions; keyPrefix: string; queueName: string }) {
    this.queue = new Queue(options.queueName, {
      prefix: options.keyPrefix,
      connection: options.connection,
    });
  }

  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'prioritized');
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
