import type { SheetRow } from '@actionledger/domain';
import { fieldOfHeader, recogniseHeader } from './recognise-header';

const row = (rowNumber: number, texts: string[]): SheetRow => ({
  rowNumber,
  cells: texts.map((text) => (text ? { text } : null)),
});

describe('recognising a plan’s header', () => {
  it.each([
    ['Action', 'action'],
    ['Actions to be taken', 'action'],
    ['What we will do', 'action'],
    ['Lead officer', 'owner'],
    ['Responsible', 'owner'],
    ['Action owner', 'owner'],
    ['Target date', 'dueDate'],
    ['By when?', 'dueDate'],
    ['Revised target date', 'dueDate'],
    ['Original target date', 'originalDueDate'],
    ['RAG', 'rag'],
    ['BRAG rating', 'rag'],
    ['Status', 'status'],
    ['Update', 'notes'],
    ['Progress to date (March 2012)', 'notes'],
    ['Ofsted recommendation', 'finding'],
    ['Areas for development', 'finding'],
    ['Lead officer email', 'ownerEmail'],
    ['Completed on', 'completedOn'],
  ])('reads "%s" as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('passes over merged title rows to the first row naming an action column and another', () => {
    const rows = [
      row(1, [
        'Durham Children’s Services: Improvement Plan – actions',
        'Durham Children’s Services: Improvement Plan – actions',
      ]),
      row(2, ['Updated March 2012']),
      row(4, ['Ref', 'Recommendation', 'Actions to be taken', 'Lead officer', 'By when', 'RAG']),
    ];
    expect(recogniseHeader(rows)).toEqual({
      index: 2,
      mapping: { reference: 0, finding: 1, action: 2, owner: 3, dueDate: 4, rag: 5 },
    });
  });

  it('finds no header where no column names the actions', () => {
    expect(recogniseHeader([row(1, ['Name', 'Budget', 'Cost centre'])])).toBeNull();
  });
});
