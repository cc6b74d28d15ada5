/**
 * GOV.UK Frontend's look (type scale, colours, tables, tags) written out for one printable page, so the file
 * carries everything it needs: it is opened from an e-mail or a committee portal, with no server behind it.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #0b0c0c; background: #fff; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif;
  font-size: 16px; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.govuk-width-container { max-width: 960px; margin: 0 auto; padding: 0 15px 30px; }
.report-paper + .report-paper { border-top: 1px solid #b1b4b6; margin-top: 40px; }
.report-header { border-bottom: 10px solid #1d70b8; padding: 20px 0 15px; margin-bottom: 25px; }
.govuk-caption-l { display: block; color: #505a5f; font-size: 19px; margin-bottom: 5px; text-transform: uppercase; }
h1 { font-size: 32px; line-height: 1.1; margin: 0 0 15px; font-weight: 700; }
.report-byline { font-size: 19px; font-weight: 700; margin: 0 0 10px; }
.report-meta { margin: 0; padding: 0; list-style: none; color: #505a5f; }
h2 { font-size: 24px; margin: 30px 0 15px; font-weight: 700; break-after: avoid; }
h3 { font-size: 19px; margin: 25px 0 10px; font-weight: 700; break-after: avoid; }
p { margin: 0 0 15px; }
.report-number { font-weight: 700; margin-right: 0.4em; }
.report-label { font-weight: 700; margin-bottom: 5px; }
.govuk-list { margin: 0 0 20px; padding-left: 20px; list-style: none; }
.govuk-list li { margin-bottom: 5px; text-indent: -20px; }
.report-bullet { display: inline-block; width: 20px; text-indent: 0; }
.govuk-table { width: 100%; border-collapse: collapse; margin: 0 0 30px; font-size: 14px; }
.govuk-table caption { text-align: left; font-weight: 700; font-size: 17px; margin-bottom: 10px; }
.govuk-table th, .govuk-table td { border-bottom: 1px solid #b1b4b6; padding: 8px 10px 8px 0; text-align: left;
  vertical-align: top; }
.govuk-table th { font-weight: 700; }
.report-table--fixed { table-layout: fixed; }
.report-table--fixed td { overflow-wrap: anywhere; }
.govuk-table tr { break-inside: avoid; }
.report-cell-line { display: block; }
.govuk-tag { display: inline-block; padding: 2px 8px; font-weight: 700; text-transform: uppercase; letter-spacing: 1px; }
.govuk-tag--red { color: #2a0b06; background: #f4cdc6; }
.govuk-tag--yellow { color: #594d00; background: #fff7bf; }
.govuk-tag--green { color: #005a30; background: #cce2d8; }
.report-rag { border-left: 5px solid #b1b4b6; padding: 10px 15px; margin: 0 0 20px; }
.report-rag--red { border-color: #d4351c; } .report-rag--amber { border-color: #ffdd00; } .report-rag--green { border-color: #00703c; }
.report-foot { border-top: 1px solid #b1b4b6; margin-top: 40px; padding-top: 15px; font-size: 14px; color: #505a5f; }
.report-foot code { font-family: "Courier New", monospace; word-break: break-all; color: #0b0c0c; }
@media print { .report-paper + .report-paper { break-before: page; } .govuk-width-container { max-width: none; padding: 0; } }
`;
