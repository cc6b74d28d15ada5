/**
 * A letter of the 2009–2013 genre for a council that does not exist, dated from the day the demo runs, so that its
 * plan has actions already overdue and others due soon.
 */
export function demoLetter(dates: { inspected: [string, string]; letter: string; previous: string }): string {
  const [first, second] = dates.inspected;
  return `Piccadilly Gate
Store Street
Manchester M1 2WD

${dates.letter}

Ms Ann Example
Director of Children's Services
Wessex County Council
County Hall
Casterbridge
WX1 1AA

Dear Ms Example

Annual unannounced inspection of contact, referral and assessment arrangements within Wessex County Council children's services

This letter summarises the findings of the recent unannounced inspection of contact, referral and assessment arrangements within local authority children's services in Wessex County Council which was conducted on ${first} and ${second}. The inspection was carried out under section 138 of the Education and Inspections Act 2006.

The inspection identified areas of strength and practice that met requirements, with one area for priority action and three areas for development.

The areas for development identified at the previous inspection of contact, referral and assessment arrangements in ${dates.previous} have been partially addressed.

From the evidence gathered, the following features of the service were identified:

Areas of strength

• The multi-agency front door provides a swift response to contacts, and decisions are recorded within one working day.
• Senior managers have a clear understanding of the pressures on the service and have invested in additional social work capacity.

Areas for priority action

• Ensure that all contacts where a child may be at risk of significant harm are screened by a qualified social worker and that strategy discussions are held without delay.

Areas for development

• The analysis of risk in initial assessments is not always sufficiently thorough, and the impact of domestic abuse on children is not consistently considered.
• Thresholds for access to children's social care are not yet fully understood by all partner agencies.
• Management oversight of assessments is not consistently recorded on case files.

The areas for development identified above will be specifically considered in any future inspection of services to safeguard children within your area.

Yours sincerely


Jane Inspector
Her Majesty's Inspector
`;
}
