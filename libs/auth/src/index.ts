export * from './personal-data-vault';
export * from './secret-tokens';
export * from './user-administration';
export * from './user-directory';
export * from './sessions/session-store';
export * from './sessions/password-sign-in';
