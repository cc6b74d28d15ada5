import { randomUUID } from 'node:crypto';
import {
  DomainRuleViolation,
  findingDecider,
  findingStreamId,
  inspectionDecider,
  inspectionStreamId,
  timescaleStart,
} from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RaiseFindingCommand } from './raise-finding.command';
import {
  deterministicId,
  CommandExecutor,
  AggregateLoader,
  NotFoundError,
} from '@actionledger/command-handling';

@CommandHandler(RaiseFindingCommand)
export class RaiseFindingHandler implements ICommandHandler<RaiseFindingCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
  ) {}

  async execute({ inspectionId, finding, context }: RaiseFindingCommand) {
    const inspection = await this.loader.loadVisible(
      inspectionStreamId(inspectionId),
      inspectionDecider,
      context.actor,
      () => new NotFoundError('inspection', inspectionId),
    );
    if (inspection.state.status === 'withdrawn') {
      throw new DomainRuleViolation('This inspection has been withdrawn; it takes no new findings.');
    }
    const findingId = context.idempotencyKey
      ? deterministicId('finding', inspectionId, context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return this.commands.execute({
      id: findingId,
      streamId: findingStreamId(findingId),
      decider: findingDecider,
      commandType: 'RaiseFinding',
      payload: { inspectionId, finding },
      context,
      prepare: (_state, metadata) => ({
        type: 'RaiseFinding' as const,
        data: {
          findingId,
          inspectionId,
          organisationId: inspection.state.organisationId,
          countsFrom: timescaleStart(inspection.state),
          ...finding,
        },
        metadata,
      }),
    });
  }
}
