/**
 * Runs work on the same streams one after another within this process, so that writers to one stream queue
 * instead of racing for its next revision. Work on other streams runs alongside. Work over several streams takes
 * them in sorted order, so two such writes can never wait for each other.
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(streamIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(streamIds)].sort();
    return sorted.reduceRight<() => Promise<T>>(
      (inner, streamId) => () => this.runOn(streamId, inner),
      work,
    )();
  }

  private runOn<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }
}
