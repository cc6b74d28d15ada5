import {
  identityKeyOfDraft,
  inspectionIdentityDecider,
  inspectionIdentityStreamId,
  recordedInspectionOf,
  type InspectionIdentityState,
  type LetterDraftState,
} from '@actionledger/domain';
import { AggregateLoader, deterministicId, type LoadedAggregate } from '@actionledger/command-handling';
import { Injectable } from '@nestjs/common';

export interface LoadedIdentity {
  identityId: string;
  streamId: string;
  loaded: LoadedAggregate<InspectionIdentityState>;
}

/**
 * Finds the inspection a draft would be a second record of: one already recorded by the organisation with the
 * same authority, inspection type and dates (each confirmation claims its identity's stream).
 */
@Injectable()
export class InspectionIdentities {
  constructor(private readonly loader: AggregateLoader) {}

  async of(draft: LetterDraftState): Promise<LoadedIdentity | null> {
    const key = identityKeyOfDraft(draft);
    if (key === null) return null;
    const identityId = deterministicId('inspection-identity', key);
    const streamId = inspectionIdentityStreamId(identityId);
    return { identityId, streamId, loaded: await this.loader.load(streamId, inspectionIdentityDecider) };
  }

  /** The inspection the draft may duplicate, other than the one the draft itself recorded. */
  async possibleDuplicateOf(draft: LetterDraftState): Promise<string | null> {
    const identity = await this.of(draft);
    const ownInspection = draft.status === 'none' ? undefined : draft.confirmation?.inspectionId;
    return identity ? recordedInspectionOf(identity.loaded.state, ownInspection) : null;
  }
}
