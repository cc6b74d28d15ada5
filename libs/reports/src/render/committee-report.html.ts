import type { Paper, PaperBlock } from '../paper/paper';
import { REPORT_CSS } from './report.css';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const RAG_TAG = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green' } as const;

/** Lines of a table cell, each on its own line. */
const cell = (text: string) =>
  text
    .split('\n')
    .map((line) => `<span class="report-cell-line">${escape(line)}</span>`)
    .join('');

function block(item: PaperBlock): string {
  switch (item.kind) {
    case 'paragraph':
      return `<p>${item.number ? `<span class="report-number">${escape(item.number)}</span>` : ''}${escape(item.text)}</p>`;
    case 'subheading':
      return `<h3>${escape(item.number)} ${escape(item.text)}</h3>`;
    case 'label':
      return `<p class="report-label">${escape(item.text)}</p>`;
    case 'list':
      // The bullet is text, not a list marker, so that it is in the PDF's text layer like a typed paper's.
      return `<ul class="govuk-list govuk-list--bullet">${item.items.map((i) => `<li><span class="report-bullet" aria-hidden="true">•</span>${escape(i)}</li>`).join('')}</ul>`;
    case 'table':
      return (
        `<table class="govuk-table${item.widths ? ' report-table--fixed' : ''}"><caption>${escape(item.caption)}</caption>` +
        (item.widths
          ? `<colgroup>${item.widths.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>`
          : '') +
        `<thead><tr>${item.head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${item.rows.map((row) => `<tr>${row.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
      );
    case 'rag':
      return (
        `<div class="report-rag report-rag--${item.status}"><strong class="govuk-tag ${RAG_TAG[item.status]}">` +
        `${escape(item.status)}</strong> ${escape(item.text)}</div>`
      );
    default: {
      const unknown: never = item;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

function paperBody(paper: Paper): string {
  const sections = paper.sections
    .map(
      (section) =>
        `<section><h2>${escape(section.number)}. ${escape(section.heading)}</h2>${section.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<main class="govuk-width-container report-paper">
<header class="report-header">
<span class="govuk-caption-l">${escape(paper.committee)}</span>
<h1>${escape(paper.title)}</h1>
<p class="report-byline">${escape(paper.byline)}</p>
<ul class="report-meta">${paper.meta.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>
</header>
${sections}
<footer class="report-foot">${paper.foot.map((line) => `<p>${footLine(line)}</p>`).join('')}</footer>
</main>`;
}

/**
 * The papers as one self-contained, printable HTML page (its CSS inline, nothing fetched): one paper per
 * inspection, each starting on a new page when printed.
 */
export function renderCommitteeReportHtml(papers: Paper | readonly Paper[]): string {
  const all = Array.isArray(papers) ? (papers as readonly Paper[]) : [papers as Paper];
  const title =
    all.length === 1 ? all[0].title : `${all[0]?.committee ?? 'Committee'}: the improvement plans`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<meta name="description" content="${escape(all.map((paper) => paper.subject).join('; '))}">
<style>${REPORT_CSS}</style>
</head>
<body>
${all.map(paperBody).join('\n')}
</body>
</html>
`;
}

/** The digest and the command in the foot are set as code, so that they are copied whole. */
const footLine = (line: string) =>
  escape(line).replace(/(npx actionledger [^<]+|ah1-\d+-[0-9a-f]{64})$/, '<code>$1</code>');
