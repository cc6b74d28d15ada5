import type { Redis } from 'ioredis';
import type { ProjectionKeys } from '../redis/projection-keys';
import { ProjectionBehindError, ProjectionRebuildingError } from './projection.errors';

export const READ_YOUR_WRITES_TIMEOUT_MS = 2000;

/** Throws `ProjectionRebuildingError` while a rebuild is under way: queries then answer 503, not a partial list. */
export async function assertNotRebuilding(redis: Redis, keys: ProjectionKeys): Promise<void> {
  if ((await redis.exists(keys.rebuilding())) === 1) throw new ProjectionRebuildingError();
}

/**
 * Read-your-writes: resolves once every named projection's checkpoint has reached `position` (the position a
 * command's response carried), polling Redis so that it works in any process; throws `ProjectionBehindError`
 * past `timeoutMs`.
 */
export async function waitForPosition(
  redis: Redis,
  keys: ProjectionKeys,
  names: readonly string[],
  position: bigint,
  timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS,
): Promise<void> {
  const started = Date.now();
  for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
    await assertNotRebuilding(redis, keys);
    const values = names.length ? await redis.mget(names.map((name) => keys.checkpoint(name))) : [];
    const behind = names
      .map((name, index) => ({ name, checkpoint: BigInt(values[index] ?? '0') }))
      .filter(({ checkpoint }) => checkpoint < position);
    if (behind.length === 0) return;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new ProjectionBehindError(position, behind, waited);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, timeoutMs - waited)));
  }
}
