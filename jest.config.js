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
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['**/*.e2e.spec.ts'] },
  ],
};
