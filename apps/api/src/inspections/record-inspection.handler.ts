import { randomUUID } from 'node:crypto';
import { inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordInspectionCommand } from './record-inspection.command';
import { CommandExecutor, deterministicId, organisationOf } from '@actionledger/command-handling';

@CommandHandler(RecordInspectionCommand)
export class RecordInspectionHandler implements ICommandHandler<RecordInspectionCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ details, context }: RecordInspectionCommand) {
    const inspectionId = context.idempotencyKey
      ? deterministicId('inspection', context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return this.commands.execute({
      id: inspectionId,
      streamId: inspectionStreamId(inspectionId),
      decider: inspectionDecider,
      commandType: 'RecordInspection',
      payload: details,
      context,
      prepare: (_state, metadata) => ({
        type: 'RecordInspection' as const,
        data: { inspectionId, organisationId: organisationOf(context.actor), ...details },
        metadata,
      }),
    });
  }
}
