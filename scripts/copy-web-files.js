// The web pages' templates and styles sit beside their controllers; tsc compiles only the TypeScript, so the
// build copies the rest into dist/ where the compiled controllers look for them.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
cpSync(join(root, 'apps/api/src/web'), join(root, 'dist/apps/api/src/web'), {
  recursive: true,
  filter: (source) => !/\.(ts|md)$/.test(source),
});
