/** Three kinds of test, one project each: `npm run test:unit`, `test:int`, `test:e2e`; `npm test` runs all. */
const shared = {
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      },
    ],
  },
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
