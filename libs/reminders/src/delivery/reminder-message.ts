import type { CalendarDate, ReminderKind } from '@actionledger/domain';
import type { OutgoingMessage, Recipient } from './notifier';

/** Everything a reminder says: what is due, when, for which finding of which inspection, and where to see it. */
export interface ReminderFacts {
  kind: ReminderKind;
  messageId: string;
  to: Recipient[];
  actionTitle: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  ownerName: string;
  findingText: string;
  findingCategory: string;
  inspection: { authority: string; inspectionType: string; inspectionDates: CalendarDate[] };
  link: string;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDate = (date: CalendarDate): string => LONG_DATE.format(new Date(`${date}T12:00:00Z`));

const shorten = (text: string, max = 300): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function headline(facts: ReminderFacts): { subject: string; lead: string } {
  const due = longDate(facts.dueDate);
  const title = facts.actionTitle;
  switch (facts.kind) {
    case 'due_soon':
      return { subject: `Due soon: ${title} (due ${due})`, lead: `This action is due on ${due}.` };
    case 'due':
      return { subject: `Due today: ${title}`, lead: `This action is due today, ${due}.` };
    case 'overdue':
      return {
        subject: `Overdue: ${title} (was due ${due})`,
        lead: `This action was due on ${due} and is now overdue. It is owned by ${facts.ownerName}.`,
      };
    case 'escalation':
      return {
        subject: `Escalated: ${title} is ${facts.daysOverdue} days overdue`,
        lead: `This action was due on ${due} and is ${facts.daysOverdue} days overdue. It is owned by ${facts.ownerName}.`,
      };
    default: {
      const unknownKind: never = facts.kind;
      throw new Error(`Unknown reminder kind ${String(unknownKind)}`);
    }
  }
}

/** The message of a reminder, as plain text and as HTML. */
export function composeReminder(facts: ReminderFacts): OutgoingMessage {
  const { subject, lead } = headline(facts);
  const { authority, inspectionType, inspectionDates } = facts.inspection;
  const inspection = `${authority}, ${inspectionType.replace(/_/g, ' ')} inspection of ${inspectionDates.map(longDate).join(' to ')}`;
  const finding = `${facts.findingCategory.replace(/_/g, ' ')}: ${shorten(facts.findingText)}`;
  const text = [
    lead,
    '',
    `Action: ${facts.actionTitle}`,
    `Due: ${longDate(facts.dueDate)}`,
    `Finding: ${finding}`,
    `Inspection: ${inspection}`,
    '',
    `See it, and record progress: ${facts.link}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    '<table>',
    `<tr><th align="left">Action</th><td>${escapeHtml(facts.actionTitle)}</td></tr>`,
    `<tr><th align="left">Due</th><td>${escapeHtml(longDate(facts.dueDate))}</td></tr>`,
    `<tr><th align="left">Finding</th><td>${escapeHtml(finding)}</td></tr>`,
    `<tr><th align="left">Inspection</th><td>${escapeHtml(inspection)}</td></tr>`,
    '</table>',
    `<p><a href="${escapeHtml(facts.link)}">See the action and record progress</a></p>`,
  ].join('\n');
  return { messageId: facts.messageId, to: facts.to, subject, text, html };
}
