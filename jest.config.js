/** Three kinds of test, one project each: `npm run test:unit`, `test:int`, `test:e2e`; `npm test` runs all. */
const shared = {
  rootDir: __dirname,
  // Type-checking is `npm run build`'s job; tests only transpile, file by file, which keeps them fast.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@actionledger/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Real Redis, SQLite, PostgreSQL and Chromium: on a busy 2-core machine a sound test can take more than 5 s.
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
  ],
};
