import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * The keys that make personal data erasable. Each user's name, email and password hash are sealed with a key of
 * their own, kept here, outside the append-only log; destroying the key leaves only ciphertext in the log that no
 * one can read (crypto-shredding). `secure_delete` overwrites a destroyed key's bytes in the file.
 */
export class PersonalDataVault {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(filePath: string) {
    mkdirSync(dirname(filePath), { recursive: true });
    this.db = new Database(filePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS user_keys (user_id TEXT PRIMARY KEY, key BLOB NOT NULL) STRICT');
    this.statements = {
      find: this.db.prepare('SELECT key FROM user_keys WHERE user_id = ?').pluck(),
      insert: this.db.prepare('INSERT OR IGNORE INTO user_keys (user_id, key) VALUES (?, ?)'),
      remove: this.db.prepare('DELETE FROM user_keys WHERE user_id = ?'),
    };
  }

  seal(userId: string, value: unknown): string {
    this.statements.insert.run(userId, randomBytes(32));
    const key = this.statements.find.get(userId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url'))].join(
      '.',
    );
  }

  /** The sealed value, or null once the user's key is destroyed. */
  open<T>(userId: string, sealed: string): T | null {
    const key = this.statements.find.get(userId) as Buffer | undefined;
    if (!key) return null;
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION) throw new Error('Unknown sealed-data version.');
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  /** Every key, for a backup of the data folder (see `actionledger backup`). */
  exportKeys(): { userId: string; key: Buffer }[] {
    return this.db.prepare('SELECT user_id AS userId, key FROM user_keys ORDER BY user_id').all() as {
      userId: string;
      key: Buffer;
    }[];
  }

  /** Puts back keys a backup held; a key already here is kept. */
  importKeys(keys: readonly { userId: string; key: Buffer }[]): void {
    this.db.transaction(() => {
      for (const { userId, key } of keys) this.statements.insert.run(userId, key);
    })();
  }

  destroy(userId: string): void {
    this.statements.remove.run(userId);
  }

  close(): void {
    this.db.close();
  }
}
