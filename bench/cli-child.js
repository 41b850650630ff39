// Runs the command line once and reports its wall time and peak memory as JSON on fd 3.
const { writeSync } = require('node:fs');
const { main } = require('../lib/ledgercheck.js');
const t0 = process.hrtime.bigint();
main(process.argv.slice(2), { stdout: () => {}, stderr: () => {}, today: () => '2017-07-15', now: () => new Date() }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  writeSync(3, JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
});
