/**
 * npm run bench: the engine alone (rows/s) and the command line end to end (time, peak
 * memory) on workbooks generated here at run time. Prints one table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../src/core/engine';
import { parseSettings } from '../src/core/settings';
import { readXlsx } from '../src/xlsx/read';
import { writeAidLedger, writeResponsibilityTable } from './generate';
import { officeCost } from './office';

interface Row {
  what: string;
  rows: number;
  fileMb: number;
  engineMs: number;
  rowsPerSec: number;
  cliMs: number;
  cliRssMb: number;
}

function cliRun(args: string[]): { ms: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, [join(__dirname, 'cli-child.js'), ...args], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  return JSON.parse(r.output[3]!.toString());
}

const WINDOW = ['--window', '2017-01-09..2017-01-22'];

async function measure(what: string, file: string, rows: number, aid = false): Promise<Row> {
  const bytes = new Uint8Array(readFileSync(file));
  const { workbook } = await readXlsx(bytes, 'bench.xlsx');
  const settings = parseSettings({ asOf: '2017-07-15', ...(aid ? { window: { from: '2017-01-09', to: '2017-01-22' } } : {}) });
  runCheck([workbook], settings, { today: '2017-07-15' }); // warm up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    runCheck([workbook], settings, { today: '2017-07-15' });
    times.push(performance.now() - t0);
  }
  const engineMs = times.sort((a, b) => a - b)[2];
  const out = join(tmpdir(), `bench-out-${process.pid}.xlsx`);
  const cli = cliRun(['check', file, '--as-of', '2017-07-15', '--out', out, '--quiet', ...(aid ? WINDOW : [])]);
  return { what, rows, fileMb: statSync(file).size / 1e6, engineMs, rowsPerSec: rows / (engineMs / 1000), cliMs: cli.ms, cliRssMb: cli.maxRssMb };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ledgercheck-bench-'));
  const results: Row[] = [];
  results.push(await measure('sample responsibility workbook', join(__dirname, '..', 'assets', 'samples', '创城目标任务分解表-2017.xlsx'), 39));
  for (const n of [2_000, 10_000]) {
    const file = join(dir, `responsibility-${n}.xlsx`);
    await writeResponsibilityTable(file, n);
    results.push(await measure(`responsibility table, ${n.toLocaleString('en-US')} tasks`, file, n));
  }
  for (const n of [10_000, 100_000]) {
    const file = join(dir, `aid-${n}.xlsx`);
    await writeAidLedger(file, n);
    results.push(await measure(`aid ledger, ${n.toLocaleString('en-US')} households, 10 tabs`, file, n, true));
  }
  const office = [];
  for (const n of [1_000, 10_000, 100_000]) office.push(await officeCost(n));
  const head = ['workload', 'rows', 'file MB', 'engine ms', 'engine rows/s', 'CLI ms', 'CLI peak MB'];
  const lines = results.map((r) => [r.what, String(r.rows), r.fileMb.toFixed(2), r.engineMs.toFixed(1), Math.round(r.rowsPerSec).toLocaleString('en-US'), r.cliMs.toFixed(0), r.cliRssMb.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(fmt(l));
  console.log('');
  console.log('Office.js on the strict in-memory Excel, one 一键检查 of an aid ledger:');
  console.log('| rows | read syncs | write syncs | request MB | response MB | largest payload MB (limit 5) |');
  console.log('|---|---|---|---|---|---|');
  for (const o of office) console.log(`| ${o.rows.toLocaleString('en-US')} | ${o.readSyncs} | ${o.writeSyncs} | ${o.requestMb.toFixed(2)} | ${o.responseMb.toFixed(2)} | ${o.largestMb.toFixed(2)} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
