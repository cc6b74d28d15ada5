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
import { InspectionIdentities } from './inspection-identities';

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
    private readonly identities: InspectionIdentities,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = config.dueDatePolicy;
  }

  execute({
    draftId,
    context,
    recordAlongside,
  }: ConfirmLetterDraftCommand): Promise<LetterConfirmationResult> {
    return this.commands.run(context, [letterDraftStreamId(draftId)], () =>
      this.attempt(draftId, context, recordAlongside),
    );
  }

  private async attempt(
    draftId: string,
    context: ConfirmLetterDraftCommand['context'],
    recordAlongside: string | null,
  ) {
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
    // Read now, not at import: the lead may have corrected the authority or dates, and another document about
    // the same inspection may have been confirmed since. The claim's expected revision settles a race.
    const identity = await this.identities.of(state);
    const now = this.commands.now();
    const writes = decideLetterConfirmation(
      {
        type: 'ConfirmLetterDraft',
        data: { ...ids, recordAlongside },
        metadata: { now, actor: context.actor },
      },
      state,
      this.policy,
      identity && { identityId: identity.identityId, state: identity.loaded.state },
    );
    const loadedBefore = (writeTo: string) =>
      writeTo === streamId ? draft : writeTo === identity?.streamId ? identity.loaded : NEW_STREAM;
    const results = await this.commands.writeStreams(
      writes.map((write) => ({ ...write, from: loadedBefore(write.streamId) })),
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
