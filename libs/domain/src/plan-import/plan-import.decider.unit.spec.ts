import { deciderSpecification } from '../testing/decider-specification';
import { at, metadata } from '../testing/fixtures';
import { drafted, row } from '../testing/plan-import.fixture';
import { planImportDecider } from './plan-import.decider';
import type { PlanImportConfirmed } from './plan-import.events';

const spec = deciderSpecification(planImportDecider);
const draftId = 'p-1';
const ambiguous = row(5, {
  dueDate: null,
  readingProblems: [{ field: 'dueDate', message: 'the due date "03/31/2012" reads only month first' }],
});
const confirmIds = { draftId, inspectionId: 'i-1', findingIds: ['f-1'], actionIds: ['a-4'], rowNumbers: [4] };
const confirmed: PlanImportConfirmed = {
  type: 'PlanImportConfirmed',
  data: { ...confirmIds, confirmedAt: at },
};

describe('a plan import draft', () => {
  it('is drafted with the sheet it was read from', () => {
    const { draftedAt: _, ...data } = drafted([row(4)]).data;
    spec
      .given([])
      .when({ type: 'DraftPlanImport', data, metadata })
      .then([drafted([row(4)])]);
  });

  it('takes a correction by row number, which settles the reading problem it answers', () => {
    const before = drafted([row(4), ambiguous]);
    spec
      .given([before])
      .when({
        type: 'EditPlanImport',
        data: { draftId, corrections: [{ rowNumber: 5, dueDate: '2012-03-31' }] },
        metadata,
      })
      .then([
        {
          type: 'PlanImportEdited',
          data: {
            draftId,
            proposal: {
              ...before.data.proposal,
              rows: [row(4), { ...ambiguous, dueDate: '2012-03-31', readingProblems: [] }],
            },
            editedAt: at,
          },
        },
      ]);
  });

  it('refuses a correction of a row the sheet does not have', () => {
    spec
      .given([drafted([row(4)])])
      .when({
        type: 'EditPlanImport',
        data: { draftId, corrections: [{ rowNumber: 9, excluded: true }] },
        metadata,
      })
      .thenRefuses(/no data row 9/);
  });

  it('refuses to confirm while a row has a problem, naming the row and what is wrong', () => {
    spec
      .given([
        drafted([
          row(4),
          ambiguous,
          row(6, { action: ' ', owner: { text: null, userId: null, matchedBy: null } }),
        ]),
      ])
      .when({ type: 'ConfirmPlanImport', data: confirmIds, metadata })
      .thenRefuses(
        /row 5: the due date "03\/31\/2012" reads only month first; row 6: there is no action, it has a due date but no owner/,
      );
  });

  it('confirms once a problem row is excluded, and confirming again changes nothing', () => {
    const edited = {
      type: 'PlanImportEdited' as const,
      data: {
        draftId,
        proposal: { ...drafted([]).data.proposal, rows: [row(4), { ...ambiguous, excluded: true }] },
        editedAt: at,
      },
    };
    spec
      .given([drafted([row(4), ambiguous]), edited])
      .when({ type: 'ConfirmPlanImport', data: confirmIds, metadata })
      .then([confirmed]);
    spec
      .given([drafted([row(4)]), confirmed])
      .when({ type: 'ConfirmPlanImport', data: confirmIds, metadata })
      .then([]);
  });

  it('refuses edits once confirmed', () => {
    spec
      .given([drafted([row(4)]), confirmed])
      .when({
        type: 'EditPlanImport',
        data: { draftId, corrections: [{ rowNumber: 4, excluded: true }] },
        metadata,
      })
      .thenRefuses(/has been confirmed; it cannot be edited/);
  });
});
