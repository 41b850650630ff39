/**
 * Issue 13's section of `npm run bench` (alone: `BENCH_ONLY=scale npm run bench`): the command
 * line on big ledgers as whole processes (start-up included), each run interleaved with its
 * peer (`unzip -p` of the same sheet parts, and pandas on the openpyxl ledger), median of
 * BENCH_RUNS (3) runs, in one table with each goal and whether it is met; then time and memory
 * at 10k / 100k / 300k / 1M households, to show both grow linearly. The machine's load is noted
 * before and after. Inputs are generated here, in `dir`, and each is deleted once measured.
 * BENCH_RUNS=1 and BENCH_SCALE=0.1 (every size a tenth) make a quick try; goals are judged only
 * at full size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { BigLedger, writeBigLedger } from '../scripts/big-ledger';
import { writeAidLedger } from './generate';
import { MIN_CORES } from '../src/cli/sheet-thread';

const ROOT = join(__dirname, '..');
const PYTHON = '/usr/bin/python3';
const ARGS = ['--as-of', '2017-07-15', '--window', '2017-01-09..2017-01-22', '--quiet'];

interface Run {
  ms: number;
  /** User + system CPU time: less moved by other work on a shared machine than the wall time the goals are in. */
  cpuMs: number;
  peakMb: number;
  code: number | null;
}

interface Goal {
  seconds?: number;
  mb?: number;
  /** Ours at most this many times `unzip -p` of the same sheet parts. */
  unzipRatio?: number;
  /** pandas at least this many times slower than ours. */
  pandasRatio?: number;
  text: string;
}

interface Case {
  label: string;
  files: string[];
  written: BigLedger;
  /** other-reader: ours again, reading sheets the way the command line did not pick on this machine (see OTHER_READER). */
  peers: Array<'unzip' | 'pandas' | 'other-reader'>;
  goal: Goal;
}

interface Measured {
  ours: Run[];
  /** Ours reading the other way (OTHER_READER). */
  other: Run[];
  unzip: Run[];
  pandas: Run[];
  /** Each run's totals against what was written: null when right, else what was wrong. */
  wrong: string[];
  load: [number, number];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const sec = (ms: number) => `${n(ms / 1000, 2)} s`;
const mb = (x: number) => (x >= 1000 ? `${n(x / 1024, 2)} GB` : `${n(x)} MB`);
const load1 = () => loadavg()[0];
const size = (files: string[]) => `${n(files.reduce((s, f) => s + statSync(f).size, 0) / 1e6, 1)} MB`;

/** One whole process, timed from spawn to exit; peak memory (max RSS) from GNU time's %M, in MiB (shown as MB; GB = 1024 MB). */
function whole(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [kb, user, system] = r.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, peakMb: kb / 1024, code: r.status };
}

/**
 * The command line reads a big book's sheets on a second thread with three cores or more, on
 * the main thread with two (src/cli/sheet-thread.ts): the other way, for a row that shows what
 * the choice gives here.
 */
const OTHER_READER = availableParallelism() >= MIN_CORES ? 'thread' : 'worker';
const OTHER_READER_TEXT =
  OTHER_READER === 'thread' ? 'same, every sheet read on the main thread (`LEDGERCHECK_READER=thread`)' : `same, sheets read on a second thread (\`LEDGERCHECK_READER=worker\`; not picked on ${availableParallelism()} cores)`;

const ours = (files: string[], json: string, reader?: string) =>
  whole(process.execPath, [join(ROOT, 'bin', 'ledgercheck.js'), 'check', ...files, ...ARGS, '--json', json], reader ? { ...process.env, LEDGERCHECK_READER: reader } : process.env);
const unzip = (files: string[]) => whole('/bin/sh', ['-c', 'for f in "$@"; do unzip -p "$f" "xl/worksheets/*"; done > /dev/null', 'sh', ...files]);
const pandas = (file: string) => whole(PYTHON, [join(__dirname, 'pandas_check.py'), file, '2017-01-09', '2017-01-22']);

/** The report's totals against what was written; households set aside as 待核实 (pending) count apart from the total. */
function totalsWrong(json: string, written: BigLedger): string | null {
  if (!existsSync(json)) return 'no report';
  const total = JSON.parse(readFileSync(json, 'utf8')).aid?.total;
  if (!total) return 'no aid total';
  const households = total.households + (total.pending?.households ?? 0);
  const amount = total.amount + (total.pending?.amount ?? 0);
  if (households === written.households && Math.abs(amount - written.amount) < 0.005) return null;
  return `${households} households, ${amount} yuan; written ${written.households}, ${written.amount}`;
}

/** Each case's runs interleaved with its peers' and with the other cases': run 1 of each, then run 2 of each, and so on. */
function measure(cases: Case[], dir: string, runs: number): Measured[] {
  const ms: Measured[] = cases.map(() => ({ ours: [], other: [], unzip: [], pandas: [], wrong: [], load: [load1(), 0] }));
  const json = join(dir, 'scale-report.json');
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, j) => {
      const m = ms[j];
      rmSync(json, { force: true });
      m.ours.push(ours(c.files, json));
      const wrong = totalsWrong(json, c.written);
      if (wrong) m.wrong.push(wrong);
      if (c.peers.includes('unzip')) m.unzip.push(unzip(c.files));
      if (c.peers.includes('other-reader')) {
        rmSync(json, { force: true });
        m.other.push(ours(c.files, json, OTHER_READER));
        const wrongThere = totalsWrong(json, c.written);
        if (wrongThere) m.wrong.push(`${OTHER_READER}: ${wrongThere}`);
      }
      if (c.peers.includes('pandas')) m.pandas.push(pandas(c.files[0]));
    });
  }
  rmSync(json, { force: true });
  for (const m of ms) m.load[1] = load1();
  return ms;
}

/** Judged only at full size; "met", or "not met:" and what missed. */
function verdict(full: boolean, misses: string[]): string {
  if (!full) return '— (BENCH_SCALE)';
  return misses.length ? `**not met**: ${misses.join('; ')}` : 'met';
}

type Line = string[];

function caseLines(c: Case, m: Measured, full: boolean): Line[] {
  const ms = median(m.ours.map((r) => r.ms));
  const peak = median(m.ours.map((r) => r.peakMb));
  const codes = m.ours.map((r) => r.code);
  const works = codes.every((x) => x === 0 || x === 1) && m.wrong.length === 0;
  const misses: string[] = [];
  if (!codes.every((x) => x === 0 || x === 1)) misses.push(`exit ${codes.join('/')}`);
  if (m.wrong.length) misses.push(`totals wrong (${m.wrong[0]})`);
  if (c.goal.seconds !== undefined && ms > c.goal.seconds * 1000) misses.push(`${sec(ms)} > ${c.goal.seconds} s`);
  if (c.goal.mb !== undefined && peak > c.goal.mb) misses.push(`${mb(peak)} > ${mb(c.goal.mb)}`);
  const unzipMs = m.unzip.length ? median(m.unzip.map((r) => r.ms)) : 0;
  const peer = m.unzip.length ? `unzip -p ${sec(unzipMs)}` : '';
  const load = `${n(m.load[0], 1)} → ${n(m.load[1], 1)}`;
  const cpu = median(m.ours.map((r) => r.cpuMs));
  const lines: Line[] = [[c.label, size(c.files), `${sec(ms)} (CPU ${sec(cpu)})`, mb(peak), `exit ${codes.join('/')}; ${works ? 'totals right' : 'totals WRONG'}`, peer, load, c.goal.text, verdict(full, misses)]];
  if (c.goal.unzipRatio !== undefined) {
    const ratio = ms / unzipMs;
    lines.push(['same, ratio to `unzip -p` of the sheet parts', '', `${n(ratio, 1)}×`, '', '', peer, load, `≤ ${c.goal.unzipRatio}×`, verdict(full, ratio > c.goal.unzipRatio ? [`${n(ratio, 1)}×`] : [])]);
  }
  if (m.other.length) {
    const t = median(m.other.map((r) => r.ms));
    lines.push([OTHER_READER_TEXT, '', `${sec(t)} (CPU ${sec(median(m.other.map((r) => r.cpuMs)))})`, mb(median(m.other.map((r) => r.peakMb))), '', `the way picked is ${n(Math.abs(1 - ms / t) * 100)} % ${ms <= t ? 'faster' : 'slower'}`, load, '', '']);
  }
  if (c.goal.pandasRatio !== undefined) {
    if (!m.pandas.length || m.pandas.some((r) => r.code !== 0)) {
      lines.push(['pandas peer, same ledger', '', '', '', '', 'pandas failed or missing (apt-get install -y python3-pandas python3-openpyxl)', load, `ours ≥ ${c.goal.pandasRatio}× faster`, verdict(full, ['not measured'])]);
    } else {
      const p = median(m.pandas.map((r) => r.ms));
      const ratio = p / ms;
      lines.push(['pandas peer (`bench/pandas_check.py`), same ledger', '', `ours ${n(ratio, 1)}× faster`, '', '', `pandas ${sec(p)}, ${mb(median(m.pandas.map((r) => r.peakMb)))}`, load, `ours ≥ ${c.goal.pandasRatio}× faster`, verdict(full, ratio < c.goal.pandasRatio ? [`${n(ratio, 1)}×`] : [])]);
    }
  }
  return lines;
}

function table(head: Line, lines: Line[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((x) => n(x, 2)).join(', ')}`;
  }
}

/** Runs the section; returns it as markdown (paste it into the issue note as it is). */
export async function readScale(dir: string): Promise<string> {
  if (!existsSync('/usr/bin/time') || spawnSync('unzip', ['-v']).status !== 0) return 'Issue 13 rows: needs /usr/bin/time and unzip (apt-get install -y time unzip).';
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
  const scale = Math.min(1, Number(process.env.BENCH_SCALE ?? 1) || 1);
  const full = scale === 1;
  const k = (x: number) => Math.max(10, Math.round(x * scale));
  const started = Date.now();
  const before = `${new Date().toISOString().slice(0, 19)}Z ${uptime()}`;
  const lines: Line[] = [];
  const done = (c: Case, m: Measured = measure([c], dir, runs)[0]) => {
    lines.push(...caseLines(c, m, full));
    for (const f of c.files) rmSync(f, { force: true });
  };

  const h100 = k(100_000);
  const opx = join(dir, 'openpyxl-100k.xlsx');
  const py = spawnSync(PYTHON, [join(__dirname, 'openpyxl_ledger.py'), opx, String(h100)], { encoding: 'utf8' });
  if (py.status === 0) {
    const c: Case = { label: `${n(h100)} households, one tab, openpyxl-written`, files: [opx], written: JSON.parse(py.stdout.trim().split('\n').pop()!), peers: ['unzip', 'pandas'], goal: { seconds: 1, mb: 250, unzipRatio: 4, pandasRatio: 10, text: '≤ 1.0 s, ≤ 250 MB' } };
    done(c);
  } else lines.push(['openpyxl-written ledger', '', '', '', '', `not written: ${(py.stderr || 'no /usr/bin/python3 with openpyxl').slice(-120)}`, '', '≤ 1.0 s, ≤ 250 MB', verdict(full, ['not measured'])]);

  const sst = join(dir, 'shared-100k.xlsx');
  const sstCase: Case = { label: `${n(h100)} households, 10 tabs, Excel-style shared strings`, files: [sst], written: await writeAidLedger(sst, h100, 10, true), peers: ['unzip', 'other-reader'], goal: { seconds: 1, mb: 250, unzipRatio: 4, text: '≤ 1.0 s, ≤ 250 MB' } };
  done(sstCase);

  const tall = join(dir, 'one-tab.xlsx');
  const rows = k(1_048_576);
  const tallCase: Case = { label: `${n(rows)} rows in one tab (${n(rows - 2)} households)`, files: [tall], written: writeBigLedger(tall, rows - 2), peers: ['unzip'], goal: { mb: 1.2 * 1024, text: 'works (exit 0/1, totals right), ≤ 1.2 GB' } };
  done(tallCase);

  const million = k(1_000_000);
  const tabs = join(dir, 'ten-tabs.xlsx');
  const tabsCase: Case = { label: `${n(million)} households over 10 tabs`, files: [tabs], written: writeBigLedger(tabs, million, { tabs: 10 }), peers: ['unzip'], goal: { seconds: 12, mb: 1.5 * 1024, text: '≤ 12 s, ≤ 1.5 GB, totals right' } };
  // 10k / 100k / 300k households over 10 tabs beside the million, interleaved: the growth table.
  const growth: Case[] = [k(10_000), k(100_000), k(300_000)].map((h) => {
    const file = join(dir, `growth-${h}.xlsx`);
    return { label: n(h), files: [file], written: writeBigLedger(file, h, { tabs: 10 }), peers: [], goal: { text: '' } };
  });
  const grown = measure([...growth, tabsCase], dir, runs);
  const growthTable = linearGrowth([...growth, tabsCase], grown, runs, full);
  for (const c of growth) for (const f of c.files) rmSync(f, { force: true });
  done(tabsCase, grown[3]);

  // The same townships as the 10 tabs, one file each: `ledgercheck check f1.xlsx … f10.xlsx` consolidates them.
  const per = Math.ceil(million / 10);
  const files = Array.from({ length: 10 }, (_, t) => join(dir, `township-${t + 1}.xlsx`));
  const written: BigLedger = { households: 0, amount: 0 };
  files.forEach((f, t) => {
    const w = writeBigLedger(f, Math.min(per, million - t * per), { firstTab: t });
    written.households += w.households;
    written.amount += w.amount;
  });
  const filesCase: Case = { label: `${n(million)} households over 10 files`, files, written, peers: ['unzip', 'other-reader'], goal: { seconds: 12, mb: 1.5 * 1024, text: '≤ 12 s, ≤ 1.5 GB, totals right' } };
  done(filesCase);

  const after = `${new Date().toISOString().slice(0, 19)}Z ${uptime()}`;
  const head = ['case', 'input', `time (median of ${runs}), CPU user + system`, 'peak memory', 'exit; totals', 'peer, interleaved', 'load (1 min) start → end', 'goal', 'met?'];
  return [
    `**Issue 13: a province in one run** — whole processes (\`node bin/ledgercheck.js check … ${ARGS.join(' ')} --json report.json\`), start-up included, each run interleaved with its peer.`,
    '',
    `Load before: \`${before}\``,
    '',
    table(head, lines),
    '',
    growthTable,
    '',
    `Load after: \`${after}\` (the section took ${n((Date.now() - started) / 1000)} s, inputs generated included).`,
  ].join('\n');
}

/**
 * Linear: what each added household costs from 300k to 1M stays within 1.5× of what it cost
 * from 100k to 300k, in time and in peak memory (the smaller steps carry start-up and a heap
 * V8 has not grown yet).
 */
function linearGrowth(cases: Case[], measured: Measured[], runs: number, full: boolean): string {
  const at = cases.map((c, i) => ({ households: c.written.households, input: size(c.files), m: measured[i], ms: median(measured[i].ours.map((r) => r.ms)), peak: median(measured[i].ours.map((r) => r.peakMb)) }));
  const step = at.map((p, i) => (i === 0 ? null : { us: ((p.ms - at[i - 1].ms) * 1000) / (p.households - at[i - 1].households), kb: ((p.peak - at[i - 1].peak) * 1024) / (p.households - at[i - 1].households) }));
  const ref = step[2]!;
  const lines = at.map((p, i) => {
    const st = step[i];
    const misses: string[] = [];
    if (p.m.wrong.length || p.m.ours.some((r) => r.code !== 0 && r.code !== 1)) misses.push('exit or totals wrong');
    if (st && i === 3 && st.us > ref.us * 1.5) misses.push(`time ${n(st.us / ref.us, 1)}× the step before`);
    if (st && i === 3 && st.kb > ref.kb * 1.5) misses.push(`memory ${n(st.kb / ref.kb, 1)}× the step before`);
    const goal = i === 3 ? 'this step ≤ 1.5× the step before' : i === 2 ? 'the reference step' : '';
    const met = i === 3 ? verdict(full, misses) : misses.length ? `**not met**: ${misses.join('; ')}` : '';
    return [n(p.households), p.input, sec(p.ms), mb(p.peak), n((p.ms * 1000) / p.households, 1), n((p.peak * 1024) / p.households, 2), st ? `${n(st.us, 1)} µs, ${n(st.kb, 2)} KB` : '', goal, met];
  });
  const head = ['households (10 tabs)', 'input', `time (median of ${runs})`, 'peak memory', 'µs per household', 'KB per household', 'each household added since the size before', 'goal: linear', 'met?'];
  return ['Time and memory with size (the same writer\'s ledgers, each run interleaved with the other sizes\'; the last is the 10-tab row above):', '', table(head, lines)].join('\n');
}
