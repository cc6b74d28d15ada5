import { calendarDayOf, datePartsOf, type DateParts } from '../rendering/date-input';
import type { FieldError } from '../sign-in/sign-in.view-model';

/** The audit page's GET form as it came in: every field a string, empty when not given. */
export interface AuditFilterForm {
  inspection: string;
  action: string;
  person: string;
  from: DateParts;
  to: DateParts;
}

/** What the form asks for, checked: ids and calendar days. */
export interface AuditFilterChoice {
  inspectionId?: string;
  actionId?: string;
  userId?: string;
  from?: string;
  to?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function auditFilterForm(query: Record<string, unknown>): AuditFilterForm {
  return {
    inspection: text(query.inspection),
    action: text(query.action),
    person: text(query.person),
    from: datePartsOf(query, 'from'),
    to: datePartsOf(query, 'to'),
  };
}

/** Pure: the form's choice, or the errors to show beside its fields. */
export function checkAuditFilter(
  form: AuditFilterForm,
  people: ReadonlySet<string>,
): { choice: AuditFilterChoice; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const choice: AuditFilterChoice = {};
  if (form.inspection) {
    if (UUID.test(form.inspection)) choice.inspectionId = form.inspection;
    else errors.push({ field: 'inspection', text: 'Choose an inspection from the list' });
  }
  if (form.action) {
    if (UUID.test(form.action)) choice.actionId = form.action.toLowerCase();
    else errors.push({ field: 'action', text: 'Enter the action reference, as the action page shows it' });
  }
  if (form.person) {
    if (people.has(form.person)) choice.userId = form.person;
    else errors.push({ field: 'person', text: 'Choose a person from the list' });
  }
  for (const end of ['from', 'to'] as const) {
    const day = calendarDayOf(form[end]);
    if (day === null)
      errors.push({ field: `${end}-day`, text: `The ${end} date must be a real date, such as 27 3 2026` });
    else if (day) choice[end] = day;
  }
  if (choice.from && choice.to && choice.from > choice.to) {
    errors.push({ field: 'to-day', text: 'The to date must be the same as or after the from date' });
  }
  return { choice, errors };
}

/** The query string of the same filter, for the CSV link. */
export function filterQueryString(query: Record<string, unknown>): string {
  const names = [
    'inspection',
    'action',
    'person',
    'from-day',
    'from-month',
    'from-year',
    'to-day',
    'to-month',
    'to-year',
  ];
  const params = new URLSearchParams();
  for (const name of names) if (text(query[name])) params.set(name, text(query[name]));
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}
