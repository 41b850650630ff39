/**
 * Issue 13's rows of `npm run bench`: the command line on big ledgers as whole processes
 * (start-up included), each run interleaved with its peer — `unzip -p` of the same sheet parts,
 * and pandas on the 100,000-household one — median of 3. Inputs are generated here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeBigLedger } from '../scripts/big-ledger';
import { writeAidLedger } from './generate';

const ROOT = join(__dirname, '..');
const PYTHON = '/usr/bin/python3';
const WINDOW = ['--window', '2017-01-09..2017-01-22'];

export type Row = [string, string, string, string, string, string];

interface Run {
  ms: number;
  peakMb: number;
  code: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** One whole process, timed from spawn to exit; peak memory from GNU time's %M when present, else the child's own maxRSS. */
function whole(cmd: string, args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = Number(r.stderr.toString().trim().split('\n').pop());
  return { ms, peakMb: kb / 1024, code: r.status };
}

function cli(file: string, json: string): Run {
  return whole(process.execPath, [join(ROOT, 'bin', 'ledgercheck.js'), 'check', file, '--as-of', '2017-07-15', ...WINDOW, '--quiet', '--json', json]);
}

function unzip(file: string): Run {
  return whole('/bin/sh', ['-c', `unzip -p '${file}' 'xl/worksheets/*' > /dev/null`]);
}

function pandas(file: string): Run | null {
  if (spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status !== 0) return null;
  return whole(PYTHON, [join(__dirname, 'pandas_check.py'), file, '2017-01-09', '2017-01-22']);
}

export async function readScale(dir: string, rows: Row[], runs = 3): Promise<void> {
  if (!existsSync('/usr/bin/time') || spawnSync('unzip', ['-v']).status !== 0) {
    rows.push(['command line at scale', '', '', '', '', 'needs /usr/bin/time and unzip (apt-get install -y time unzip)']);
    return;
  }
  const cases: Array<{ label: string; file: string; households: number; amount?: number; peers: Array<'unzip' | 'pandas'> }> = [];
  const opx = join(dir, 'openpyxl-100k.xlsx');
  if (spawnSync(PYTHON, [join(__dirname, 'openpyxl_ledger.py'), opx, '100000']).status === 0) cases.push({ label: '100,000 households, one tab, openpyxl-written', file: opx, households: 100_000, peers: ['unzip', 'pandas'] });
  const sst = join(dir, 'shared-100k.xlsx');
  await writeAidLedger(sst, 100_000, 10, true);
  cases.push({ label: '100,000 households, 10 tabs, shared strings', file: sst, households: 100_000, peers: ['unzip'] });
  for (const [count, tabs, label] of [
    [1_048_574, 1, '1,048,576 rows in one tab'],
    [1_000_000, 10, '1,000,000 households over 10 tabs'],
  ] as const) {
    const file = join(dir, `big-${count}-${tabs}.xlsx`);
    const sum = writeBigLedger(file, count, tabs);
    cases.push({ label, file, households: sum.households, amount: sum.amount, peers: ['unzip'] });
  }
  for (const c of cases) {
    const json = join(dir, 'scale.json');
    const ours: Run[] = [];
    const peer: Record<string, Run[]> = { unzip: [], pandas: [] };
    for (let i = 0; i < runs; i++) {
      ours.push(cli(c.file, json));
      for (const p of c.peers) {
        const r = p === 'unzip' ? unzip(c.file) : pandas(c.file);
        if (r) peer[p].push(r);
      }
    }
    const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
    const total = report?.aid?.total;
    // Households set aside as 待核实 (pending) are counted apart from the total.
    const pending = total?.pending ?? { households: 0, amount: 0 };
    const right = total && total.households + pending.households === c.households && (c.amount === undefined || Math.abs(total.amount + pending.amount - c.amount) < 0.005);
    const ms = median(ours.map((r) => r.ms));
    const notes = [`exit ${ours.map((r) => r.code).join('/')}`, right ? 'totals right' : `totals WRONG (${JSON.stringify(total)})`];
    if (peer.unzip.length) notes.push(`${n(ms / median(peer.unzip.map((r) => r.ms)), 1)}× unzip -p (${n(median(peer.unzip.map((r) => r.ms)))} ms)`);
    if (peer.pandas.length) notes.push(`pandas ${n(median(peer.pandas.map((r) => r.ms)))} ms, ${n(median(peer.pandas.map((r) => r.peakMb)))} MB: ours ${n(median(peer.pandas.map((r) => r.ms)) / ms, 1)}× faster`);
    rows.push([`command line, whole process (median of ${runs}, interleaved)`, `${c.label} (${n(statSync(c.file).size / 1e6, 1)} MB)`, `${n(ms)} ms`, `${n(c.households / (ms / 1000))} rows/s`, `${n(median(ours.map((r) => r.peakMb)))} MB`, notes.join('; ')]);
  }
}
