import { findingDecider, findingStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ResolveFindingCommand } from './resolve-finding.command';
import { CommandExecutor } from '@actionledger/command-handling';

@CommandHandler(ResolveFindingCommand)
export class ResolveFindingHandler implements ICommandHandler<ResolveFindingCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ findingId, verifiedActionIds, context }: ResolveFindingCommand) {
    return this.commands.execute({
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: 'ResolveFinding',
      context,
      prepare: (_state, metadata) => ({
        type: 'ResolveFinding' as const,
        data: { findingId, verifiedActionIds },
        metadata,
      }),
    });
  }
}
