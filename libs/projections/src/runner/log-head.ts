import type { EventStore } from '@actionledger/event-store';

/**
 * The position of the log's last event, found with `readAll` alone (the port has no head query): gallop
 * forward from a known position, then halve the gap. About 2·log2(distance) one-event reads.
 */
export async function findLogHead(store: EventStore, from = 0n): Promise<bigint> {
  const next = async (after: bigint) => (await store.readAll({ after, limit: 1 }))[0]?.position;
  let known = from;
  const first = await next(known);
  if (first === undefined) return known;
  known = first;
  let step = 1n;
  let beyond: bigint | undefined;
  for (;;) {
    const found = await next(known + step - 1n);
    if (found === undefined) {
      beyond = known + step - 1n;
      break;
    }
    known = found;
    step *= 2n;
  }
  // Every event is at or before `beyond`; `known` is an event's position.
  let low = known;
  let high = beyond;
  while (high - low > 1n) {
    const middle = (low + high) / 2n;
    const found = await next(middle);
    if (found === undefined) high = middle;
    else low = found;
  }
  return (await next(low)) ?? low;
}
