#!/usr/bin/env node
// Runs the compiled CLI; build first with `npm run build` (npm start does it too).
require('../dist/apps/cli/src/main.js');
