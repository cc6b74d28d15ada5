#!/usr/bin/env node
// The compiled CLI; `npm run build` (or `npm start`) compiles it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '../dist/apps/cli/src/main.js');
if (!existsSync(main)) {
  console.error('actionledger: not built yet; run `npm run build` first.');
  process.exit(1);
}
require(main);
