import {
  assertIsInspectionDocument,
  assertIsText,
  assertNotTooManyFindings,
  assertNotTooManyItems,
} from '../input/letter-input.checks';
import { LetterInputError } from '../input/letter-input.error';
import type { LetterField, ParsedLetter, ParsedLetterWithSources, SourceSpan } from '../letter.types';
import { extractAuthority } from './authority.extractor';
import { detectDocumentType } from './document-type.detector';
import { classifyBlocks } from './findings.classifier';
import { extractInspectionDates } from './inspection-dates.extractor';
import { detectInspectionType } from './inspection-type.detector';
import { extractInspector } from './inspector.extractor';
import { extractJudgements } from './judgements.extractor';
import { layOutLetter } from './letter-layout';
import { extractLetterDate } from './letter-date.extractor';
import { extractOverallJudgement } from './overall-judgement.extractor';
import { extractPlanDeadline } from './plan-deadline.extractor';
import { extractPreviousInspection } from './previous-inspection.extractor';
import { spanOf, type Located } from './source-span';

/**
 * Reads an inspection letter, a report, a summary for children or a committee report on an inspection.
 * Throws `LetterInputError` (and nothing else) when the text is empty or not such a document.
 */
export function parseLetter(text: string): ParsedLetter {
  return parseLetterWithSources(text).letter;
}

/** `parseLetter`, plus where in the text each field and each finding was read. */
export function parseLetterWithSources(text: string): ParsedLetterWithSources {
  assertIsText(text);
  assertNotTooManyItems(text);
  try {
    return readLetter(text);
  } catch (error) {
    if (error instanceof LetterInputError) throw error;
    throw new LetterInputError('unparseable', 'The letter could not be read because of an internal error.', {
      cause: error,
    });
  }
}

function readLetter(text: string): ParsedLetterWithSources {
  const layout = layOutLetter(text);
  const inspectionDates = extractInspectionDates(layout);
  const inspectionStart = inspectionDates.value[0] ?? null;
  const inspectionEnd = inspectionDates.value[inspectionDates.value.length - 1] ?? null;
  const documentType = detectDocumentType(layout);
  const { findings, actions } = classifyBlocks(layout.blocks, inspectionEnd, {
    readsActions: documentType.value === 'committee_report',
  });
  assertNotTooManyFindings(findings.length);
  const table = extractJudgements(layout);
  // Where the report grades its areas in a table, the table says whether there is an overall grade at all.
  // ("The overall judgement is good" may stand above a table that has no overall row.)
  const tableStart = table.judgements.source?.start ?? Infinity;
  const overallJudgement = table.judgements.value.length
    ? (table.overall ?? extractOverallJudgement(layout, tableStart))
    : extractOverallJudgement(layout);

  const fields = {
    documentType,
    authority: extractAuthority(layout),
    inspectionType: detectInspectionType(layout),
    letterDate: extractLetterDate(layout),
    inspectionDates,
    inspector: extractInspector(layout),
    overallJudgement,
    judgements: table.judgements,
    planDeadline: extractPlanDeadline(layout),
    previousInspection: extractPreviousInspection(layout, inspectionStart),
  } satisfies { [Field in LetterField]: Located<ParsedLetter[Field]> };

  assertIsInspectionDocument(text, {
    findings: findings.length,
    judgements: fields.judgements.value.length,
    datedVisitOfAKnownFramework: inspectionDates.value.length > 0 && fields.inspectionType.value !== 'other',
  });

  const letter: ParsedLetter = {
    documentType: fields.documentType.value,
    authority: fields.authority.value,
    inspectionType: fields.inspectionType.value,
    letterDate: fields.letterDate.value,
    inspectionDates: fields.inspectionDates.value,
    inspector: fields.inspector.value,
    overallJudgement: fields.overallJudgement.value,
    judgements: fields.judgements.value,
    planDeadline: fields.planDeadline.value,
    previousInspection: fields.previousInspection.value,
    findings: findings.map(({ finding }) => finding),
    actionsTaken: actions.map(({ action }) => action),
  };
  const fieldSources: Partial<Record<LetterField, SourceSpan>> = {};
  for (const [field, located] of Object.entries(fields) as Array<[LetterField, Located<unknown>]>) {
    if (located.source) fieldSources[field] = located.source;
  }
  return {
    letter,
    sources: {
      fields: fieldSources,
      findings: findings.map(({ block }) => spanOf(text, block)),
      actionsTaken: actions.map(({ block }) => spanOf(text, block)),
    },
  };
}
