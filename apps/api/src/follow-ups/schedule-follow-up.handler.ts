import { randomUUID } from 'node:crypto';
import {
  DomainRuleViolation,
  followUpDecider,
  followUpStreamId,
  inspectionDecider,
  inspectionStreamId,
} from '@actionledger/domain';
import {
  AggregateLoader,
  CommandExecutor,
  deterministicId,
  NotFoundError,
  organisationOf,
} from '@actionledger/command-handling';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ScheduleFollowUpCommand } from './schedule-follow-up.command';

/** A follow-up of one of the caller's organisation's inspections; it inspects the same authority. */
@CommandHandler(ScheduleFollowUpCommand)
export class ScheduleFollowUpHandler implements ICommandHandler<ScheduleFollowUpCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
  ) {}

  execute({ expectedDate, followsInspectionId, context }: ScheduleFollowUpCommand) {
    const followUpId = context.idempotencyKey
      ? deterministicId('follow-up', context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return this.commands.execute({
      id: followUpId,
      streamId: followUpStreamId(followUpId),
      decider: followUpDecider,
      commandType: 'ScheduleFollowUp',
      payload: { expectedDate, followsInspectionId },
      context,
      prepare: async (_state, metadata) => {
        const { state: inspection } = await this.loader.loadVisible(
          inspectionStreamId(followsInspectionId),
          inspectionDecider,
          metadata.actor,
          () => new NotFoundError('inspection', followsInspectionId),
        );
        if (inspection.status === 'withdrawn') {
          throw new DomainRuleViolation('That inspection was withdrawn: no follow-up can follow it.');
        }
        return {
          type: 'ScheduleFollowUp' as const,
          data: {
            followUpId,
            organisationId: organisationOf(context.actor),
            authority: inspection.authority,
            expectedDate,
            followsInspectionId,
          },
          metadata,
        };
      },
    });
  }
}
