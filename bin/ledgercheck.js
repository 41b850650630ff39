#!/usr/bin/env node
'use strict';
// The command line runs the engine bundled into one file, lib/ledgercheck.js (built by `npm ci`
// through the prepare script): one file loads faster than a hundred modules.
const { main } = require('../lib/ledgercheck.js');

// `ledgercheck check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`内部错误 / internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
