import {
  decideLetterConfirmation,
  letterDraftDecider,
  letterDraftStreamId,
  type DueDatePolicy,
} from '@actionledger/domain';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@actionledger/event-store';
import {
  AggregateLoader,
  CommandExecutor,
  deterministicId,
  NEW_STREAM,
  NotFoundError,
} from '@actionledger/command-handling';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ConfirmLetterDraftCommand, type LetterConfirmationResult } from './confirm-letter-draft.command';

/**
 * Records the confirmed letter — the inspection, its findings, the actions already taken — and marks the draft
 * confirmed, all in one atomic append over every stream: all or nothing. Confirming again returns the first result.
 */
@CommandHandler(ConfirmLetterDraftCommand)
export class ConfirmLetterDraftHandler implements ICommandHandler<ConfirmLetterDraftCommand> {
  private readonly policy: DueDatePolicy;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly loader: AggregateLoader,
    private readonly commands: CommandExecutor,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = config.dueDatePolicy;
  }

  execute({ draftId, context }: ConfirmLetterDraftCommand): Promise<LetterConfirmationResult> {
    return this.commands.run(context, [letterDraftStreamId(draftId)], () => this.attempt(draftId, context));
  }

  private async attempt(draftId: string, context: ConfirmLetterDraftCommand['context']) {
    const streamId = letterDraftStreamId(draftId);
    const draft = await this.loader.loadVisible(
      streamId,
      letterDraftDecider,
      context.actor,
      () => new NotFoundError('letter draft', draftId),
    );
    const { state, version } = draft;
    if (state.status === 'confirmed' && state.confirmation) {
      const { position } = await this.confirmationEvent(streamId);
      return { id: draftId, ...omitTime(state.confirmation), position: Number(position) };
    }
    if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
      throw new WrongExpectedRevisionError(streamId, context.expectedVersion, version);
    }

    // Ids follow from the draft and the version confirmed, so that a retry writes to the same streams.
    const idOf = (...parts: string[]) => deterministicId('letter', draftId, String(version), ...parts);
    const ids = {
      draftId,
      inspectionId: idOf('inspection'),
      findingIds: state.proposal.findings.map((_, index) => idOf('finding', String(index))),
      actionIds: state.proposal.actionsTaken.map((_, index) => idOf('action', String(index))),
    };
    const now = this.commands.now();
    const writes = decideLetterConfirmation(
      { type: 'ConfirmLetterDraft', data: ids, metadata: { now, actor: context.actor } },
      state,
      this.policy,
    );
    const results = await this.commands.writeStreams(
      writes.map((write) => ({ ...write, from: write.streamId === streamId ? draft : NEW_STREAM })),
      { context, now, commandType: 'ConfirmLetterDraft' },
    );
    // The draft's stream is written first; its confirmation's position is the one a repeat finds again.
    const { draftId: id, ...recorded } = ids;
    return { id, ...recorded, position: Number(results[0].position) };
  }

  private async confirmationEvent(streamId: string) {
    const events = await this.store.readStream(streamId);
    return events.find((event) => event.type === 'LetterDraftConfirmed')!;
  }
}

function omitTime<T extends { confirmedAt: string }>({ confirmedAt: _confirmedAt, ...rest }: T) {
  return rest;
}
