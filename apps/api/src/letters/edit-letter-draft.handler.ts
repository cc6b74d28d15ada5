import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand } from '../command-handling/handle-command';
import { NotFoundError } from '../command-handling/not-found.error';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { EditLetterDraftCommand } from './edit-letter-draft.command';

@CommandHandler(EditLetterDraftCommand)
export class EditLetterDraftHandler implements ICommandHandler<EditLetterDraftCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ draftId, changes, context }: EditLetterDraftCommand) {
    return handleCommand(this.store, this.clock, {
      id: draftId,
      streamId: letterDraftStreamId(draftId),
      decider: letterDraftDecider,
      commandType: 'EditLetterDraft',
      context,
      prepare: (state, now) => {
        if (state.status === 'none') throw new NotFoundError('letter draft', draftId);
        return { type: 'EditLetterDraft' as const, data: { draftId, changes }, metadata: { now } };
      },
    });
  }
}
