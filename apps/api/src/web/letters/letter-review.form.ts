import {
  FINDING_CATEGORIES,
  INSPECTION_TYPES,
  isCalendarDate,
  TIMESCALES,
  type FindingCategory,
  type InspectionType,
  type LetterProposal,
  type LetterProposalChanges,
  type Timescale,
} from '@actionledger/domain';
import { calendarDayOf, datePartsFrom, datePartsOf, type DateParts } from '../rendering/date-input';
import type { FieldError } from '../sign-in/sign-in.view-model';

/** The review form's fields as posted (or as the draft fills them in), every one a string. */
export interface LetterReviewForm {
  authority: string;
  inspectionType: string;
  letterDate: DateParts;
  inspectionDates: string;
  inspector: string;
  findings: { category: string; timescale: string; text: string }[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const within = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function reviewFormFromProposal(proposal: LetterProposal): LetterReviewForm {
  return {
    authority: proposal.authority ?? '',
    inspectionType: proposal.inspectionType,
    letterDate: datePartsFrom(proposal.letterDate),
    inspectionDates: proposal.inspectionDates.join(', '),
    inspector: proposal.inspector ?? '',
    findings: proposal.findings.map(({ category, timescale, text: findingText }) => ({
      category,
      timescale,
      text: findingText,
    })),
  };
}

/** The posted form, for as many findings as the draft has. */
export function reviewFormFromBody(body: Record<string, unknown>, findings: number): LetterReviewForm {
  return {
    authority: text(body.authority),
    inspectionType: text(body.inspectionType),
    letterDate: datePartsOf(body, 'letterDate'),
    inspectionDates: text(body.inspectionDates),
    inspector: text(body.inspector),
    findings: Array.from({ length: findings }, (_, index) => ({
      category: text(body[`finding-${index}-category`]),
      timescale: text(body[`finding-${index}-timescale`]),
      text: text(body[`finding-${index}-text`]),
    })),
  };
}

/**
 * Pure: the corrections as the edit command takes them (the findings keep where they came from), or the errors
 * to show beside each field.
 */
export function reviewChanges(
  form: LetterReviewForm,
  proposal: LetterProposal,
): { changes: LetterProposalChanges; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (form.authority === '' || form.authority.length > 200) {
    errors.push({ field: 'authority', text: 'Enter the local authority, in 200 characters or fewer' });
  }
  if (!within(INSPECTION_TYPES, form.inspectionType)) {
    errors.push({ field: 'inspectionType', text: 'Choose the type of inspection' });
  }
  const letterDate = calendarDayOf(form.letterDate);
  if (letterDate === null) {
    errors.push({ field: 'letterDate-day', text: 'The letter date must be a real date, such as 30 10 2026' });
  }
  const inspectionDates = form.inspectionDates.split(/[\s,]+/).filter((date) => date !== '');
  if (!inspectionDates.every(isCalendarDate) || inspectionDates.length > 60) {
    errors.push({
      field: 'inspectionDates',
      text: 'Enter the inspection dates as YYYY-MM-DD, separated by commas, such as 2026-10-20, 2026-10-21',
    });
  }
  if (form.inspector.length > 200) {
    errors.push({ field: 'inspector', text: "The inspector's name must be 200 characters or fewer" });
  }
  form.findings.forEach((finding, index) => {
    const name = `Finding ${index + 1}`;
    if (!within(FINDING_CATEGORIES, finding.category)) {
      errors.push({
        field: `finding-${index}-category`,
        text: `Choose the category of ${name.toLowerCase()}`,
      });
    }
    if (!within(TIMESCALES, finding.timescale)) {
      errors.push({
        field: `finding-${index}-timescale`,
        text: `Choose the timescale of ${name.toLowerCase()}`,
      });
    }
    if (finding.text === '' || finding.text.length > 10_000) {
      errors.push({ field: `finding-${index}-text`, text: `Enter the text of ${name.toLowerCase()}` });
    }
  });
  if (errors.length > 0) return { changes: {}, errors };
  return {
    changes: {
      authority: form.authority,
      inspectionType: form.inspectionType as InspectionType,
      letterDate: letterDate ?? null,
      inspectionDates,
      inspector: form.inspector === '' ? null : form.inspector,
      findings: form.findings.map((finding, index) => ({
        category: finding.category as FindingCategory,
        timescale: finding.timescale as Timescale,
        text: finding.text,
        source: proposal.findings[index]?.source ?? null,
      })),
    },
    errors: [],
  };
}
