import { randomUUID } from 'node:crypto';
import { letterDraftDecider, letterDraftStreamId } from '@actionledger/domain';
import { EVENT_STORE, type EventStore } from '@actionledger/event-store';
import { extractLetterText, parseLetterWithSources } from '@actionledger/letters';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '../command-handling/deterministic-id';
import { handleCommand } from '../command-handling/handle-command';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { ImportLetterCommand } from './import-letter.command';
import { toLetterProposal } from './letter-proposal.mapper';

/** Reads and parses the letter, then records a draft: nothing about the inspection is recorded until confirmed. */
@CommandHandler(ImportLetterCommand)
export class ImportLetterHandler implements ICommandHandler<ImportLetterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ upload, context }: ImportLetterCommand) {
    const text = await extractLetterText(upload.bytes, upload.fileName, upload.mediaType);
    const proposal = toLetterProposal(parseLetterWithSources(text));
    const draftId = context.idempotencyKey
      ? deterministicId('letter-draft', context.actor.userId, context.idempotencyKey)
      : randomUUID();
    return handleCommand(this.store, this.clock, {
      id: draftId,
      streamId: letterDraftStreamId(draftId),
      decider: letterDraftDecider,
      commandType: 'CreateLetterDraft',
      context,
      prepare: (_state, now) => ({
        type: 'CreateLetterDraft' as const,
        data: { draftId, fileName: upload.fileName, mediaType: upload.mediaType, text, proposal },
        metadata: { now },
      }),
    });
  }
}
