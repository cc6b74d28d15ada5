import { CommandExecutor, NotFoundError } from '@actionledger/command-handling';
import { findingDecider, findingStreamId, type FindingCommand } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CorrectFindingCommand } from './correct-finding.command';

@CommandHandler(CorrectFindingCommand)
export class CorrectFindingHandler implements ICommandHandler<CorrectFindingCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ findingId, input, context }: CorrectFindingCommand) {
    const notFound = () => new NotFoundError('finding', findingId);
    return this.commands.execute({
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: input.type,
      payload: input,
      reason: input.data.reason,
      context,
      notFound,
      prepare: (state, metadata) => {
        if (state.status === 'none') throw notFound();
        return { type: input.type, data: { ...input.data, findingId }, metadata } as FindingCommand;
      },
    });
  }
}
