/** The service navigation's links, by the role the user acts in; the current page's link is marked active. */
const LINKS: { href: string; text: string; roles: readonly string[] }[] = [
  { href: '/', text: 'Home', roles: ['lead', 'owner', 'board', 'admin'] },
  { href: '/letters/new', text: 'Import a letter', roles: ['lead'] },
  { href: '/audit', text: 'Audit trail', roles: ['lead', 'board', 'admin'] },
  { href: '/users', text: 'Users', roles: ['admin'] },
];

export function navigationFor(role: string | undefined, path: string) {
  if (!role) return [];
  return LINKS.filter((link) => link.roles.includes(role)).map(({ href, text }) => ({
    href,
    text,
    active: href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`),
  }));
}
