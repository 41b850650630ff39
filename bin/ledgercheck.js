#!/usr/bin/env node
'use strict';
// The command line runs the engine bundled into one file, lib/ledgercheck.js (built by `npm ci`
// through the prepare script), compiled with the V8 code cache scripts/build-cli.js made beside
// it: a run skips parsing and compiling what a check uses, which a clerk pays on every run.
// A cache this V8 does not accept (another Node, a rebuilt bundle) is ignored.
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createRequire } = require('node:module');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'lib', 'ledgercheck.js');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));
const { main } = bundle.exports;

// `ledgercheck check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Set by scripts/build-cli.js for one check: the cache then holds what a check compiles.
    // A cache that cannot be written (a read-only install) only means a slower start.
    if (process.env.LEDGERCHECK_WRITE_CODE_CACHE === '1') {
      try {
        writeFileSync(cacheFile, script.createCachedData());
      } catch {
        // the check's own exit code stands
      }
    }
  },
  (err) => {
    process.stderr.write(`内部错误 / internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
