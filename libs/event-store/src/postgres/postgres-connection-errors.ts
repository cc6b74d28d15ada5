/**
 * Whether an error means the connection to PostgreSQL was lost or refused (the server restarted, a backend was
 * terminated, the network dropped) rather than that the query itself was wrong: worth retrying on a new one.
 */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH'].includes(code)) {
      return true;
    }
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|connection is not open|Client has encountered a connection error|not queryable/i.test(
      message,
    )
  );
}
