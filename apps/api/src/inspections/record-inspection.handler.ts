import { randomUUID } from 'node:crypto';
import { inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '../command-handling/deterministic-id';
import { handleCommand } from '../command-handling/handle-command';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { RecordInspectionCommand } from './record-inspection.command';

@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ details, context }: RecordInspectionCommand) {
    const inspectionId = context.idempotencyKey
      ? deterministicId('inspection', context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return handleCommand(this.store, this.clock, {
      id: inspectionId,
      streamId: inspectionStreamId(inspectionId),
      decider: inspectionDecider,
      commandType: 'RecordInspection',
      context,
      prepare: (_state, now) => ({
        type: 'RecordInspection' as const,
        data: { inspectionId, ...details },
        metadata: { now },
      }),
    });
  }
}
