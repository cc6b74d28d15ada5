import { v5 as uuidv5 } from 'uuid';

const ACTIONLEDGER_NAMESPACE = '6f1b4a52-3c1e-4d0b-9a57-2f0c8e7d4b11';

/** The same name always gives the same UUID, so a retried write carries the same ids and appends nothing. */
export function deterministicId(...parts: string[]): string {
  return uuidv5(parts.join('\u001f'), ACTIONLEDGER_NAMESPACE);
}
