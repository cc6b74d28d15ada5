import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@actionledger/domain';
import type { NewEvent } from '@actionledger/event-store';
import type { CommandContext } from './command-context';
import { deterministicId } from './deterministic-id';

export interface Provenance {
  context: CommandContext;
  now: Date;
  commandType: string;
  reason?: string;
}

/**
 * Decided events, ready to append: each carries who, when, why and in answer to what. With an Idempotency-Key
 * the event ids are derived from it, so a retry writes the same ids and the store keeps one copy.
 */
export function toNewEvents(streamId: string, decided: DomainEvent[], provenance: Provenance): NewEvent[] {
  const { context, now, commandType, reason } = provenance;
  return decided.map((event, index) => ({
    id: context.idempotencyKey
      ? deterministicId(streamId, context.idempotencyKey, String(index))
      : randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: now.toISOString(),
      command: commandType,
      ...(reason !== undefined && { reason }),
      ...(context.idempotencyKey !== undefined && { idempotencyKey: context.idempotencyKey }),
    },
  }));
}
