/** Set once SIGTERM arrives, so that /ready answers 503 and a load balancer sends no more work here. */
export class ShutdownState {
  shuttingDown = false;
}
