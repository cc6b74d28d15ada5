import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor';
import { NotFoundError } from '../command-handling/not-found.error';
import { EditLetterDraftCommand } from './edit-letter-draft.command';

@CommandHandler(EditLetterDraftCommand)
export class EditLetterDraftHandler implements ICommandHandler<EditLetterDraftCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ draftId, changes, context }: EditLetterDraftCommand) {
    return this.commands.execute({
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
