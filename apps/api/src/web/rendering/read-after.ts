import { ProjectionRunner } from '@actionledger/projections';
import { BadRequestException } from '@nestjs/common';

/**
 * Read-your-writes for a page a form redirected to with `?after=<position>`: waits until the read models have
 * passed the position the write answered with. No `after`, no wait.
 */
export async function readAfter(runner: ProjectionRunner, after: unknown): Promise<void> {
  if (after === undefined || after === '') return;
  if (typeof after !== 'string' || !/^\d{1,19}$/.test(after)) {
    throw new BadRequestException('after must be a log position, as a write answered with.');
  }
  await runner.waitFor(BigInt(after));
}
