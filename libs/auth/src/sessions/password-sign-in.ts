import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { PersonalDataVault } from '../personal-data-vault';
import type { DirectoryUser, UserDirectory } from '../user-directory';

/** One sentence for every refusal, so that a sign-in page never tells which email addresses have accounts. */
export class SignInRefused extends Error {
  constructor() {
    super('Enter a correct email address and password');
    this.name = 'SignInRefused';
  }
}

/**
 * Email and password against the argon2id hash that `UserAdministration.setPassword` sealed in the user's
 * stream. A disabled or erased user, or one who never set a password, is refused like a wrong password; an
 * unknown email still costs one argon2 verification, so the time taken does not tell either.
 */
export class PasswordSignIn {
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly directory: UserDirectory,
    private readonly vault: PersonalDataVault,
  ) {}

  async verify(email: string, password: string): Promise<DirectoryUser> {
    const user = email.trim() === '' ? null : await this.directory.userByEmail(email);
    const passwordHash =
      user?.status === 'active' && user.sealedPasswordHash
        ? this.vault.open<string>(user.userId, user.sealedPasswordHash)
        : null;
    const matches = await argon2Verify(passwordHash ?? (await this.decoy()), password).catch(() => false);
    if (!user || !passwordHash || !matches) throw new SignInRefused();
    return user;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= argon2Hash('a password that no account has, hashed once per process');
    return this.decoyHash;
  }
}
