/**
 * The command line as a child process for the hostile suite: runs `main` as bin/ledgercheck.js
 * does (exit 3 on an internal error) and, at exit, writes its peak memory to LC_STATS_FILE.
 * LC_STALL_RENAME=1 makes the final rename of a temporary file wait forever (after saying
 * "STALLED" on stderr), so a test can send a signal while the hidden partial file exists.
 */
import { writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { main } from '../../src/cli/main';

const stats = process.env.LC_STATS_FILE;
process.on('exit', () => {
  if (stats) writeFileSync(stats, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
if (process.env.LC_STALL_RENAME === '1') {
  (fsp as { rename: unknown }).rename = () => {
    process.stderr.write('STALLED\n');
    return new Promise(() => setInterval(() => undefined, 1 << 30));
  };
}
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`内部错误 / internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
