import type { UserDirectory } from '@actionledger/auth';
import {
  addDays,
  isEnglishWorkingDay,
  londonDate,
  type ActionDoc,
  type ProjectionKeys,
} from '@actionledger/projections';
import type { Redis } from 'ioredis';
import type { Notifier, OutgoingMessage, Recipient } from '../delivery/notifier';
import { openActionDocs } from '../scheduling/reconcile';

export interface WeeklyDigestOptions {
  redis: Redis;
  readModelKeys: ProjectionKeys;
  directory: UserDirectory;
  notifier: Notifier;
  publicUrl: string;
  /** How far ahead "due soon" looks for the lead's list (REMINDER_LEAD_DAYS). */
  dueSoonDays: number;
  now: Date;
}

/** The scheduler fires on every weekday; the digest goes on the first working day of the week only. */
export function isFirstWorkingDayOfWeek(date: string): boolean {
  if (!isEnglishWorkingDay(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 1 = Monday
  for (let back = 1; back < weekday; back++) if (isEnglishWorkingDay(addDays(date, -back))) return false;
  return true;
}

const line = (doc: ActionDoc, publicUrl: string) =>
  `- ${doc.title} (due ${doc.dueDate}): ${publicUrl}/api/actions/${doc.actionId}`;

function digestMessage(
  to: Recipient,
  today: string,
  subject: string,
  sections: [string, ActionDoc[]][],
  publicUrl: string,
): OutgoingMessage {
  const text = sections
    .map(([title, docs]) => [`${title} (${docs.length}):`, ...docs.map((d) => line(d, publicUrl))].join('\n'))
    .join('\n\n');
  const html = sections
    .map(
      ([title, docs]) =>
        `<h2>${title} (${docs.length})</h2><ul>${docs
          .map(
            (d) =>
              `<li><a href="${publicUrl}/api/actions/${d.actionId}">${d.title.replace(/[<>&]/g, '')}</a>, due ${d.dueDate}</li>`,
          )
          .join('')}</ul>`,
    )
    .join('\n');
  return { messageId: `<digest.${today}.${to.userId}@actionledger>`, to: [to], subject, text, html };
}

/**
 * The weekly digest: each owner their open actions, each lead their organisation's overdue and due-soon lists,
 * from the read models. Nothing is appended: the digest repeats what the log already says.
 */
export async function sendWeeklyDigest(options: WeeklyDigestOptions): Promise<{ sent: number }> {
  const { redis, readModelKeys, directory, notifier, publicUrl, now } = options;
  const today = londonDate(now);
  if (!isFirstWorkingDayOfWeek(today)) return { sent: 0 };
  const horizon = addDays(today, options.dueSoonDays);
  const byOrganisation = new Map<string, ActionDoc[]>();
  for await (const docs of openActionDocs(redis, readModelKeys)) {
    for (const doc of docs)
      byOrganisation.set(doc.organisationId, [...(byOrganisation.get(doc.organisationId) ?? []), doc]);
  }
  let sent = 0;
  for (const [organisationId, docs] of byOrganisation) {
    docs.sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1));
    for (const user of await directory.usersOf(organisationId)) {
      if (user.status !== 'active') continue;
      const { name, email } = directory.profileOf(user);
      if (!email) continue;
      const to = { userId: user.userId, name, email };
      const mine = docs.filter((d) => d.ownerId === user.userId);
      if (mine.length > 0) {
        await notifier.send(
          digestMessage(
            to,
            today,
            `Your open actions this week (${mine.length})`,
            [['Your open actions', mine]],
            publicUrl,
          ),
        );
        sent += 1;
      }
      if (user.roles.includes('lead')) {
        const overdue = docs.filter((d) => d.dueDate! < today);
        const dueSoon = docs.filter((d) => d.dueDate! >= today && d.dueDate! <= horizon);
        await notifier.send(
          digestMessage(
            { ...to, userId: `${user.userId}.lead` },
            today,
            `This week: ${overdue.length} overdue, ${dueSoon.length} due soon`,
            [
              ['Overdue', overdue],
              ['Due soon', dueSoon],
            ],
            publicUrl,
          ),
        );
        sent += 1;
      }
    }
  }
  return { sent };
}
