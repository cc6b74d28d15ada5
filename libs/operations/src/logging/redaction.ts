/** Fields never written to a log, wherever they appear in a line (pino's redact paths). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'secret',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.invitationToken',
  '*.secret',
  '*.smtpUrl',
  '*.databaseUrl',
];

const SECRET_QUERY = /([?&](?:token|password|secret|invitationToken)=)[^&#]*/gi;

/** A URL as logged: the values of query parameters that carry secrets (`?token=`) are replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}
