import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EditLetterDraftCommand } from './edit-letter-draft.command';
import { CommandExecutor, NotFoundError } from '@actionledger/command-handling';

@CommandHandler(EditLetterDraftCommand)
export class EditLetterDraftHandler implements ICommandHandler<EditLetterDraftCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  execute({ draftId, changes, context }: EditLetterDraftCommand) {
    return this.commands.execute({
      id: draftId,
      streamId: letterDraftStreamId(draftId),
      decider: letterDraftDecider,
      commandType: 'EditLetterDraft',
      payload: changes,
      context,
      notFound: () => new NotFoundError('letter draft', draftId),
      prepare: (state, metadata) => {
        if (state.status === 'none') throw new NotFoundError('letter draft', draftId);
        return { type: 'EditLetterDraft' as const, data: { draftId, changes }, metadata };
      },
    });
  }
}
