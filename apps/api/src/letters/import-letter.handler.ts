import { createHash } from 'node:crypto';
import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { LetterParsingPool } from '@actionledger/letters';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ImportLetterCommand } from './import-letter.command';
import { toLetterProposal } from './letter-proposal.mapper';
import {
  AggregateLoader,
  CommandExecutor,
  deterministicId,
  organisationOf,
} from '@actionledger/command-handling';

/** Reads and parses the letter, then records a draft: nothing about the inspection is recorded until confirmed. */
@CommandHandler(ImportLetterCommand)
export class ImportLetterHandler implements ICommandHandler<ImportLetterCommand> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly loader: AggregateLoader,
    private readonly parsing: LetterParsingPool,
  ) {}

  async execute({ upload, context }: ImportLetterCommand) {
    const { text, parsed } = await this.parsing.parse(upload);
    const proposal = toLetterProposal(parsed);
    // The same document imported again by the same organisation finds its first draft, instead of a second one.
    const organisationId = organisationOf(context.actor);
    const draftId = deterministicId(
      'letter-draft',
      organisationId,
      createHash('sha256').update(text).digest('hex'),
    );
    const existing = await this.loader.load(letterDraftStreamId(draftId), letterDraftDecider);
    if (existing.state.status !== 'none' && !context.idempotencyKey) {
      return { id: draftId, position: -1, version: existing.version, alreadyImported: true };
    }
    const result = await this.commands.execute({
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
          organisationId,
          fileName: upload.fileName,
          mediaType: upload.mediaType,
          text,
          proposal,
        },
        metadata,
      }),
    });
    return { ...result, alreadyImported: false };
  }
}
