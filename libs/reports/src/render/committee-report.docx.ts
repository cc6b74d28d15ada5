import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Paper, PaperBlock } from '../paper/paper';

const RAG_FILL = { red: 'F4CDC6', amber: 'FFF7BF', green: 'CCE2D8' } as const;
const FONT = 'Arial';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function numbered(number: string | undefined, text: string, bold = false): TextRun[] {
  return [...(number ? [new TextRun({ text: `${number} `, bold: true })] : []), new TextRun({ text, bold })];
}

function table(item: Extract<PaperBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text) =>
          new TableCell({
            borders: { top: NONE, left: NONE, right: NONE, bottom: RULE },
            margins: { top: 60, bottom: 60, right: 120 },
            children: text
              .split('\n')
              .map(
                (line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] }),
              ),
          }),
      ),
    });
  return [
    new Paragraph({
      children: [new TextRun({ text: item.caption, bold: true })],
      spacing: { before: 200, after: 100 },
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      // A4 less the margins is about 9,000 twentieths of a point.
      ...(item.widths && { columnWidths: item.widths.map((share) => Math.round(share * 90)) }),
      rows: [row(item.head, true), ...item.rows.map((cells) => row(cells, false))],
    }),
  ];
}

function block(item: PaperBlock): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'paragraph':
      return [new Paragraph({ children: numbered(item.number, item.text), spacing: { after: 160 } })];
    case 'subheading':
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_3, children: numbered(item.number, item.text, true) }),
      ];
    case 'label':
      return [
        new Paragraph({ children: [new TextRun({ text: item.text, bold: true })], spacing: { after: 80 } }),
      ];
    case 'list':
      return item.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'table':
      return table(item);
    case 'rag':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, fill: RAG_FILL[item.status], color: 'auto' },
          children: [
            new TextRun({ text: `${item.status.toUpperCase()} `, bold: true }),
            new TextRun(item.text),
          ],
          spacing: { after: 160 },
        }),
      ];
    default: {
      const unknown: never = item;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The papers as a Word document an officer can edit before it goes out (numbers typed, not Word's numbering),
 * one Word section per inspection's paper.
 */
export function renderCommitteeReportDocx(papers: Paper | readonly Paper[]): Promise<Buffer> {
  const all = Array.isArray(papers) ? (papers as readonly Paper[]) : [papers as Paper];
  const document = new Document({
    title: all.length === 1 ? all[0].title : 'The improvement plans',
    subject: all.map((paper) => paper.subject).join('; '),
    creator: 'ActionLedger',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: all.map((paper) => ({
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [
                new TextRun({
                  children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  size: 16,
                }),
              ],
            }),
          ],
        }),
      },
      children: [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          children: [new TextRun(paper.committee.toUpperCase())],
        }),
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(paper.title)] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(paper.byline)] }),
        ...paper.meta.map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, color: '505A5F' })] }),
        ),
        ...paper.sections.flatMap((section) => [
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            children: [new TextRun(`${section.number}. ${section.heading}`)],
            spacing: { before: 300, after: 120 },
          }),
          ...section.blocks.flatMap(block),
        ]),
        ...paper.foot.map(
          (line) =>
            new Paragraph({
              children: [new TextRun({ text: line, size: 18, color: '505A5F' })],
              spacing: { before: 120 },
            }),
        ),
      ],
    })),
  });
  return Packer.toBuffer(document);
}
