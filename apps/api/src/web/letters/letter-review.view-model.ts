import {
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  TIMESCALES,
  type LetterDraftState,
} from '@actionledger/domain';
import { MAX_LETTER_BYTES } from '@actionledger/letters';
import { humanise } from '../rendering/view-filters';
import { formErrors, type FieldError } from '../sign-in/sign-in.view-model';
import { highlightedLetter } from './highlighted-letter';
import { reviewFormFromProposal, type LetterReviewForm } from './letter-review.form';

export type LetterDraft = Exclude<LetterDraftState, { status: 'none' }>;

const options = (values: readonly string[], selected: string) =>
  values.map((value) => ({ value, text: humanise(value), selected: value === selected }));

const findingMark = (index: number) => `source-finding-${index}`;
const actionMark = (index: number) => `source-action-${index}`;

export interface LetterReviewInput {
  draft: LetterDraft;
  version: number;
  form?: LetterReviewForm;
  errors?: FieldError[];
  notice?: string | null;
}

/** The review page: the letter's text with each proposal's source marked, beside the form that corrects them. */
export function letterReviewViewModel({
  draft,
  version,
  form,
  errors = [],
  notice = null,
}: LetterReviewInput) {
  const { proposal } = draft;
  const fields = form ?? reviewFormFromProposal(proposal);
  return {
    title: `Review the letter${draft.fileName ? `: ${draft.fileName}` : ''}`,
    draftId: draft.draftId,
    fileName: draft.fileName,
    version,
    confirmed: draft.status === 'confirmed',
    inspectionId: draft.confirmation?.inspectionId ?? null,
    notice,
    ...formErrors(errors),
    form: fields,
    inspectionTypeItems: options(INSPECTION_TYPES, fields.inspectionType),
    documentType: proposal.documentType,
    letterDate: proposal.letterDate,
    overallJudgement: proposal.overallJudgement,
    planDeadline: proposal.planDeadline,
    findings: fields.findings.map((finding, index) => ({
      index,
      ...finding,
      mark: findingMark(index),
      line: proposal.findings[index]?.source?.line ?? null,
      categoryItems: options(FINDING_CATEGORIES, finding.category),
      timescaleItems: options(TIMESCALES, finding.timescale),
    })),
    actionsTaken: proposal.actionsTaken.map((action, index) => ({
      ...action,
      mark: actionMark(index),
      line: action.source?.line ?? null,
      finding: action.findingIndex === null ? null : action.findingIndex + 1,
    })),
    letter: highlightedLetter(draft.text, [
      ...proposal.findings.map((finding, index) => ({
        id: findingMark(index),
        label: `Finding ${index + 1}`,
        source: finding.source,
      })),
      ...proposal.actionsTaken.map((action, index) => ({
        id: actionMark(index),
        label: `Action taken ${index + 1}`,
        source: action.source,
      })),
    ]),
  };
}

/** The import page: a file to upload or text to paste, with what was wrong with the last try. */
export function newLetterViewModel(text = '', errors: FieldError[] = []) {
  return {
    title: 'Import a letter',
    text,
    maxMegabytes: MAX_LETTER_BYTES / (1024 * 1024),
    ...formErrors(errors),
  };
}
