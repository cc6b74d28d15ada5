/** A user of the organisation an owner can be matched to. */
export interface KnownUser {
  userId: string;
  name: string;
  email: string;
}

export interface OwnerMatch {
  userId: string;
  by: 'email' | 'name';
}

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+\.[a-z]{2,}/gi;
const TITLES = /\b(mr|mrs|ms|miss|mx|dr|prof|cllr|councillor)\b\.?/g;

export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(EMAIL, ' ')
    .replace(TITLES, ' ')
    .replace(/[^\p{L}\s'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Smith, Jane" is Jane Smith. */
function reordered(name: string): string {
  const [last, first] = name.split(',').map((part) => part.trim());
  return first ? `${first} ${last}` : name;
}

const initialAndSurname = (name: string): string => {
  const words = name.split(' ');
  return words.length < 2 ? name : `${words[0][0]} ${words.at(-1)}`;
};

/**
 * The user an owner cell names: by an email in it (or in the email column), else by the full name, else by
 * first initial and surname ("J. Smith") when exactly one user fits; null for the lead to choose (a job title,
 * a team, two names, nobody).
 */
export function matchOwner(
  ownerText: string,
  emailText: string,
  users: readonly KnownUser[],
): OwnerMatch | null {
  const emails = [...`${emailText} ${ownerText}`.matchAll(EMAIL)].map((found) => found[0].toLowerCase());
  for (const email of emails) {
    const user = users.find((candidate) => candidate.email.toLowerCase() === email);
    if (user) return { userId: user.userId, by: 'email' };
  }
  const wanted = normaliseName(reordered(ownerText.replace(EMAIL, '')));
  if (wanted === '') return null;
  const byName = users.filter((user) => normaliseName(user.name) === wanted);
  if (byName.length === 1) return { userId: byName[0].userId, by: 'name' };
  if (byName.length > 1) return null;
  const short = initialAndSurname(wanted.replace(/\./g, ''));
  const byInitial = users.filter((user) => initialAndSurname(normaliseName(user.name)) === short);
  return byInitial.length === 1 && wanted.includes(' ') ? { userId: byInitial[0].userId, by: 'name' } : null;
}
