import { CommandExecutor, NotFoundError } from '@actionledger/command-handling';
import { inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WithdrawInspectionCommand } from './withdraw-inspection.command';

@CommandHandler(WithdrawInspectionCommand)
export class WithdrawInspectionHandler implements ICommandHandler<WithdrawInspectionCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ inspectionId, reason, context }: WithdrawInspectionCommand) {
    const notFound = () => new NotFoundError('inspection', inspectionId);
    return this.commands.execute({
      id: inspectionId,
      streamId: inspectionStreamId(inspectionId),
      decider: inspectionDecider,
      commandType: 'WithdrawInspection',
      payload: { reason },
      reason,
      context,
      notFound,
      prepare: (state, metadata) => {
        if (state.status === 'none') throw notFound();
        return { type: 'WithdrawInspection' as const, data: { inspectionId, reason }, metadata };
      },
    });
  }
}
