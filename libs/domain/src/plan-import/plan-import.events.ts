import type { DomainEvent } from '../shared/decider';
import type { PlanImportProposal } from './plan-import-proposal';
import type { SheetGrid } from './plan-sheet';

export interface PlanImportSource {
  fileName: string;
  /** SHA-256 of the file's bytes, hex: every event the confirmation appends names it. */
  digest: string;
}

export type PlanImportDrafted = DomainEvent<
  'PlanImportDrafted',
  PlanImportSource & {
    draftId: string;
    organisationId: string;
    grid: SheetGrid;
    proposal: PlanImportProposal;
    draftedAt: string;
  }
>;

export type PlanImportEdited = DomainEvent<
  'PlanImportEdited',
  { draftId: string; proposal: PlanImportProposal; editedAt: string }
>;

/** Appended in the same atomic write as every row's events. */
export type PlanImportConfirmed = DomainEvent<
  'PlanImportConfirmed',
  {
    draftId: string;
    inspectionId: string;
    /** The findings the import raised (rows matched to existing findings raise none). */
    findingIds: string[];
    /** One per included row, in row order. */
    actionIds: string[];
    rowNumbers: number[];
    confirmedAt: string;
  }
>;

export type PlanImportEvent = PlanImportDrafted | PlanImportEdited | PlanImportConfirmed;
