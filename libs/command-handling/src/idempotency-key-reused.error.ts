export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`The Idempotency-Key "${key}" was already used for a different request; use a new key.`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
