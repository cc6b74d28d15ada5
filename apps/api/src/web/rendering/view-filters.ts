import type nunjucks from 'nunjucks';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** `2026-03-01` → `1 March 2026`, the GOV.UK style; null or empty → an en dash. */
export function govukDate(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : LONG_DATE.format(date);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** An instant as GOV.UK writes one: `2 November 2026 at 9:00am`, London time. */
export function govukDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(DATE_TIME.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${parts.dayPeriod.toLowerCase()}`;
}

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  planned: { text: 'Planned', classes: 'govuk-tag--grey' },
  assigned: { text: 'Assigned', classes: 'govuk-tag--blue' },
  completed: { text: 'Completed', classes: 'govuk-tag--turquoise' },
  verified: { text: 'Verified', classes: 'govuk-tag--green' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  resolved: { text: 'Resolved', classes: 'govuk-tag--green' },
};

const RAG_TAGS: Record<string, { text: string; classes: string }> = {
  red: { text: 'Red', classes: 'govuk-tag--red' },
  amber: { text: 'Amber', classes: 'govuk-tag--orange' },
  green: { text: 'Green', classes: 'govuk-tag--green' },
};

/** The GOV.UK tag of an action's or a finding's status. */
export function statusTag(status: string): { text: string; classes?: string } {
  return STATUS_TAGS[status] ?? { text: humanise(status) };
}

/** `priority_action` → `Priority action`: the letters' vocabulary, read aloud. */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function addViewFilters(environment: nunjucks.Environment): void {
  environment.addFilter('govukDate', govukDate);
  environment.addFilter('govukDateTime', govukDateTime);
  environment.addFilter('humanise', humanise);
  environment.addFilter('statusTag', statusTag);
  environment.addFilter('ragTag', (rag: string) => RAG_TAGS[rag] ?? { text: humanise(rag) });
  environment.addFilter('percent', (share: number | null) =>
    share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`,
  );
}
