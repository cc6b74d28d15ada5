import { randomUUID } from 'node:crypto';
import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { extractLetterText, parseLetterWithSources } from '@actionledger/letters';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ImportLetterCommand } from './import-letter.command';
import { toLetterProposal } from './letter-proposal.mapper';
import { CommandExecutor, deterministicId, organisationOf } from '@actionledger/command-handling';

/** Reads and parses the letter, then records a draft: nothing about the inspection is recorded until confirmed. */
@CommandHandler(ImportLetterCommand)
export class ImportLetterHandler implements ICommandHandler<ImportLetterCommand> {
  constructor(private readonly commands: CommandExecutor) {}

  async execute({ upload, context }: ImportLetterCommand) {
    const text = await extractLetterText(upload.bytes, upload.fileName, upload.mediaType);
    const proposal = toLetterProposal(parseLetterWithSources(text));
    const draftId = context.idempotencyKey
      ? deterministicId('letter-draft', context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return this.commands.execute({
      id: draftId,
      streamId: letterDraftStreamId(draftId),
      decider: letterDraftDecider,
      commandType: 'CreateLetterDraft',
      payload: { fileName: upload.fileName, text },
      context,
      prepare: (_state, metadata) => ({
        type: 'CreateLetterDraft' as const,
        data: {
          draftId,
          organisationId: organisationOf(context.actor),
          fileName: upload.fileName,
          mediaType: upload.mediaType,
          text,
          proposal,
        },
        metadata,
      }),
    });
  }
}
