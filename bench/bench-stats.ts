/** Events per second of one timed piece of work. */
export async function rate(events: number, work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return events / (Number(process.hrtime.bigint() - start) / 1e9);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
