/** Stream names, in one place, so that no code builds them ad hoc. */
export const inspectionStreamId = (inspectionId: string): string => `inspection-${inspectionId}`;
export const findingStreamId = (findingId: string): string => `finding-${findingId}`;
export const actionStreamId = (actionId: string): string => `action-${actionId}`;
export const letterDraftStreamId = (draftId: string): string => `letter-draft-${draftId}`;
export const planImportStreamId = (draftId: string): string => `plan-import-${draftId}`;
export const organisationStreamId = (organisationId: string): string => `organisation-${organisationId}`;
export const userStreamId = (userId: string): string => `user-${userId}`;
export const inspectionIdentityStreamId = (identityId: string): string => `inspection-identity-${identityId}`;
