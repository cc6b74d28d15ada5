import { randomUUID } from 'node:crypto';
import { findingDecider, findingStreamId, inspectionDecider, inspectionStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '../command-handling/deterministic-id';
import { CommandExecutor } from '../command-handling/command-executor';
import { AggregateLoader } from '../command-handling/aggregate-loader';
import { NotFoundError } from '../command-handling/not-found.error';
import { RaiseFindingCommand } from './raise-finding.command';

@CommandHandler(RaiseFindingCommand)
export class RaiseFindingHandler implements ICommandHandler<RaiseFindingCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
  ) {}

  async execute({ inspectionId, finding, context }: RaiseFindingCommand) {
    await this.loader.loadExisting(
      inspectionStreamId(inspectionId),
      inspectionDecider,
      () => new NotFoundError('inspection', inspectionId),
    );
    const findingId = context.idempotencyKey
      ? deterministicId('finding', inspectionId, context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return this.commands.execute({
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: 'RaiseFinding',
      context,
      prepare: (_state, now) => ({
        type: 'RaiseFinding' as const,
        data: { findingId, inspectionId, ...finding },
        metadata: { now },
      }),
    });
  }
}
