/**
 * npm run bench: one table. The engine alone (rows/s), the command line end to end beside a
 * pandas + openpyxl script doing the same checks and totals, the Office.js cost on the strict
 * in-memory Excel, and the task pane's size and first render in Chromium; then issue 13's
 * section (bench/read-scale.ts). Inputs are generated here, at run time, in a temporary folder
 * removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCheck } from '../src/core/pipeline';
import { parseSettings } from '../src/core/settings';
import { readXlsx } from '../src/xlsx/read';
import { writeAidLedger, writeResponsibilityTable } from './generate';
import { officeCost } from './office';
import { readScale } from './read-scale';

const ROOT = join(__dirname, '..');
const WINDOW = { from: '2017-01-09', to: '2017-01-22' };
const PYTHON = '/usr/bin/python3';
type Row = [string, string, string, string, string, string];
const rows: Row[] = [];
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function engine(label: string, file: string, count: number, aid: boolean) {
  const { workbook } = await readXlsx(new Uint8Array(readFileSync(file)), 'bench.xlsx');
  const settings = parseSettings({ asOf: '2017-07-15', ...(aid ? { window: WINDOW } : {}) });
  runCheck([workbook], settings, { today: '2017-07-15' });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    runCheck([workbook], settings, { today: '2017-07-15' });
    times.push(performance.now() - t0);
  }
  const ms = times.sort((a, b) => a - b)[2];
  rows.push(['engine (median of 5)', label, `${n(ms, 1)} ms`, `${n(count / (ms / 1000))} rows/s`, '', '']);
}

function cli(dir: string, file: string, aid: boolean): { ms: number; maxRssMb: number } {
  const out = join(dir, 'bench-out.xlsx');
  const args = ['check', file, '--as-of', '2017-07-15', '--out', out, '--quiet', ...(aid ? ['--window', `${WINDOW.from}..${WINDOW.to}`] : [])];
  const r = spawnSync(process.execPath, [join(__dirname, 'cli-child.js'), ...args], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  return JSON.parse(r.output[3]!.toString());
}

function pandas(file: string): { seconds: number; peakMb: number } | string {
  if (!existsSync(PYTHON)) return 'no /usr/bin/python3';
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']);
  if (probe.status !== 0) return 'apt-get install -y python3-pandas python3-openpyxl, then run again';
  const r = spawnSync(PYTHON, [join(__dirname, 'pandas_check.py'), file, WINDOW.from, WINDOW.to], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()!) : `failed: ${r.stderr.slice(-200)}`;
}

async function taskPane(): Promise<void> {
  const dist = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  const webpack = require.resolve('webpack-cli/bin/cli.js');
  execFileSync(process.execPath, [webpack, '--mode', 'production'], { cwd: ROOT, env: { ...process.env, LEDGERCHECK_DIST: dist }, stdio: 'ignore' });
  const js = readdirSync(dist).find((f) => /^taskpane\..*\.js$/.test(f))!;
  const bytes = readFileSync(join(dist, js));
  rows.push(['task pane JavaScript', js.replace(/\.[0-9a-f]+\.js$/, '.js'), '', `${n(gzipSync(bytes, { level: 9 }).length / 1024, 1)} KB gzip (${n(bytes.length / 1024)} KB)`, '', '']);
  if (!existsSync('/usr/bin/chromium')) {
    rows.push(['task pane first render', 'Chromium', '', '', '', 'apt-get install -y chromium']);
    return;
  }
  const play = mkdtempSync(join(tmpdir(), 'bench-play-'));
  execFileSync(process.execPath, [webpack, '--config', 'webpack.playground.js', '--mode', 'production'], { cwd: ROOT, env: { ...process.env, LEDGERCHECK_PLAYGROUND_DIST: play }, stdio: 'ignore' });
  const { serve } = require('../scripts/serve.js');
  const { chromium } = require('playwright-core');
  const server = await serve(play);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    await page.goto(`${server.url}?empty`);
    await page.getByRole('button', { name: '一键检查' }).waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  await browser.close();
  await server.close();
  rows.push(['task pane first render', 'Chromium, from navigation to 一键检查 on screen', `${n(times.sort((a, b) => a - b)[2])} ms`, 'median of 5', '', 'playground page, empty workbook']);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ledgercheck-bench-'));
  // Inputs reach hundreds of MB: gone at the end, and on Ctrl-C.
  const removeInputs = () => rmSync(dir, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      removeInputs();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  try {
    // Only issue 13's section: `BENCH_ONLY=scale npm run bench`.
    if (process.env.BENCH_ONLY !== 'scale') await general(dir);
    console.log('');
    console.log(await readScale(dir));
  } finally {
    removeInputs();
  }
}

async function general(dir: string) {
  const resp = join(dir, 'responsibility-2000.xlsx');
  await writeResponsibilityTable(resp, 2_000);
  await engine('responsibility table, 2,000 tasks', resp, 2_000, false);
  const aid: Record<number, string> = {};
  for (const count of [10_000, 100_000]) {
    aid[count] = join(dir, `aid-${count}.xlsx`);
    await writeAidLedger(aid[count], count);
    await engine(`aid ledger, ${n(count)} households`, aid[count], count, true);
  }
  const sample = join(ROOT, 'assets', 'samples', '创城目标任务分解表-2017.xlsx');
  const s = cli(dir, sample, false);
  rows.push(['command line (read, check, write copy)', 'sample responsibility workbook', `${n(s.ms)} ms`, '', `${n(s.maxRssMb)} MB`, '']);
  const big = aid[100_000];
  const c = cli(dir, big, true);
  const mb = statSync(big).size / 1e6;
  rows.push(['command line (read, check, consolidate, write copy)', `aid ledger, 100,000 households (${n(mb, 1)} MB)`, `${n(c.ms)} ms`, `${n(100_000 / (c.ms / 1000))} rows/s`, `${n(c.maxRssMb)} MB`, '']);
  const p = pandas(big);
  if (typeof p === 'string') rows.push(['pandas + openpyxl, same checks and totals', 'aid ledger, 100,000 households', '', '', '', p]);
  else rows.push(['pandas + openpyxl, same checks and totals', 'aid ledger, 100,000 households', `${n(p.seconds * 1000)} ms`, `${n(100_000 / p.seconds)} rows/s`, `${n(p.peakMb)} MB`, `ledgercheck ${n(p.seconds * 1000 / c.ms, 1)}× faster`]);
  for (const count of [1_000, 10_000, 100_000]) {
    const o = await officeCost(count);
    rows.push(['Office.js on the in-memory Excel', `aid ledger, ${n(count)} rows`, '', `${o.readSyncs} + ${o.writeSyncs} syncs`, '', `${n(o.requestMb + o.responseMb, 2)} MB payload, largest ${n(o.largestMb, 2)} MB`]);
  }
  await taskPane();
  printTable();
}

function printTable() {
  const head: Row = ['benchmark', 'input', 'time', 'rate / size', 'peak memory', 'notes'];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
