/**
 * The command line two ways, for holding them to each other: built (bin/ledgercheck.js loading the
 * bundle lib/ledgercheck.js, in its own process, as a user runs it) and in-process (src/cli/main.ts
 * through ts-jest, as tests/cli/*.test.ts run it). Each run's outputs (--json file, --out copy) are
 * read and removed, so the next run of the same command finds what the first one found.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localDateTime } from '../../src/core/clock';
import { CellValue } from '../../src/core/workbook';
import { readXlsx } from '../../src/xlsx/read';
import { cli, IN_PROCESS_NOW } from './cli';

const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'ledgercheck.js');
const BUNDLE = join(ROOT, 'lib', 'ledgercheck.js');
/** What esbuild bundles from src/ (scripts/build-cli.js, entry src/cli/main.ts). */
const BUNDLED_SOURCES = ['cli', 'core', 'xlsx'].map((d) => join(ROOT, 'src', d));

/** An output file as the user would see it: JSON as text, a workbook as its sheets' cells. */
export type Output = { missing: true } | { text: string } | { sheets: Array<{ name: string; rows: CellValue[][] }> } | { unreadable: string };

export interface Outcome {
  /** The exit code, or the signal that ended the child. */
  code: number | string | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, Output>;
}

/**
 * Why the bundle cannot stand for src/ now (a source file newer than it), or null. `npm test`
 * builds it before jest; a bare `npx jest` after an edit would otherwise compare old code with new.
 */
export function staleBundle(): string | null {
  if (!existsSync(BUNDLE)) return `${BUNDLE} is missing`;
  const built = statSync(BUNDLE).mtimeMs;
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const newer = BUNDLED_SOURCES.flatMap(walk).filter((f) => statSync(f).mtimeMs > built);
  return newer.length > 0 ? `${newer[0]} (and ${newer.length - 1} more) changed after ${BUNDLE} was built` : null;
}

/** The files a command writes (its --json and --out paths; '-' is standard output). */
export function outputsOf(argv: string[]): string[] {
  return argv.flatMap((a, i) => ((a === '--json' || a === '--out') && argv[i + 1] && argv[i + 1] !== '-' ? [argv[i + 1]] : []));
}

/**
 * Reads and removes each output. In a written workbook the run's own time (检查时间 in the 检查记录
 * tab and in tab subtitles) is replaced by 〈检查时间〉: the child's clock cannot be fixed.
 */
async function collect(paths: string[], runTimes: string[]): Promise<Record<string, Output>> {
  const out: Record<string, Output> = {};
  for (const p of paths) {
    if (!existsSync(p)) {
      out[p] = { missing: true };
      continue;
    }
    const bytes = readFileSync(p);
    rmSync(p, { force: true });
    if (!p.endsWith('.xlsx')) {
      out[p] = { text: bytes.toString('utf8') };
      continue;
    }
    try {
      const { workbook } = await readXlsx(new Uint8Array(bytes), p);
      const mask = (v: CellValue): CellValue => (typeof v === 'string' ? runTimes.reduce((s, t) => s.split(t).join('〈检查时间〉'), v) : v);
      out[p] = { sheets: workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(mask)) })) };
    } catch (e) {
      out[p] = { unreadable: String(e) };
    }
  }
  return out;
}

/** The minutes (as the copy's 检查时间 shows them) from `start` to now. */
function minutesSince(start: number): string[] {
  const times: string[] = [];
  for (let t = start - 60_000; t <= Date.now() + 60_000; t += 30_000) times.push(localDateTime(new Date(t)));
  return [...new Set(times)];
}

/**
 * bin/ledgercheck.js in its own process (process.execPath, no colour); resolves when it has exited
 * and its output is read. `reader`: 'worker' reads every sheet on the built command line's second
 * thread (src/cli/sheet-thread.ts), small books too: the in-process side reads on one thread, so
 * each case compares the two readings; 'as-users-run-it' leaves the choice to the command line.
 */
export function runBuilt(argv: string[], reader: 'worker' | 'as-users-run-it' = 'worker'): Promise<Outcome> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LEDGERCHECK_READER: 'worker' };
  if (reader === 'as-users-run-it') delete env.LEDGERCHECK_READER;
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    // 'close' comes after 'exit' once stdout and stderr are drained: nothing the child wrote is missed.
    child.on('close', (code, signal) => {
      collect(outputsOf(argv), minutesSince(started)).then((outputs) => resolve({ code: code ?? signal, stdout, stderr, outputs }), reject);
    });
  });
}

/** src/cli/main.ts `main` in this process (fixed calendar, as tests/helpers/cli.ts gives it); an internal error is exit 3, as bin/ledgercheck.js makes it. */
export async function runInProcess(argv: string[]): Promise<Outcome> {
  let run: { code: number; stdout: string; stderr: string };
  try {
    run = await cli(...argv);
  } catch (e) {
    run = { code: 3, stdout: '', stderr: `内部错误 / internal error: ${e instanceof Error ? e.stack : String(e)}\n` };
  }
  return { ...run, outputs: await collect(outputsOf(argv), [localDateTime(IN_PROCESS_NOW)]) };
}

/** At most `n` tasks at a time, in the order they were asked for (child processes on a 2-core machine). */
export class Slots {
  private running = 0;
  private waiting: Array<() => void> = [];
  constructor(private readonly n: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next in line.
    if (this.running < this.n) this.running++;
    else await new Promise<void>((go) => this.waiting.push(go));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
