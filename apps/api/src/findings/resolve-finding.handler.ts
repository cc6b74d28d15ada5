import { findingDecider, findingStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor';
import { ResolveFindingCommand } from './resolve-finding.command';

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
      prepare: (_state, now) => ({
        type: 'ResolveFinding' as const,
        data: { findingId, verifiedActionIds },
        metadata: { now },
      }),
    });
  }
}
