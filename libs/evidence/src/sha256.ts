import { createHash } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A SHA-256 as evidence is named by: 64 lowercase hexadecimal digits. */
export function isSha256(text: string): boolean {
  return SHA256_HEX.test(text);
}

/** Refuses a name that is not a SHA-256 before it reaches a path or a key, where `../x` would mean something. */
export function requireSha256(text: string): string {
  if (!isSha256(text)) throw new TypeError(`"${text}" is not a SHA-256 (64 lowercase hexadecimal digits).`);
  return text;
}
