/**
 * Shared helpers for the hostile suite: run the command line in a child process with its
 * time and peak memory measured, snapshot input bytes, and scan every output for whole ID
 * numbers and for temporary files left behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

const CHILD = join(__dirname, 'cli-child.ts');
/** tsx's loader by absolute path, so the child may run in any folder. */
const TSX = pathToFileURL(require.resolve('tsx')).href;

/** Generous bounds: a hang or a blow-up fails, an ordinary busy machine does not. */
export const TIME_LIMIT_MS = 10_000;
export const MEMORY_LIMIT_MB = 1024;
/** A child still running after this is killed and reported as hung. */
const KILL_AFTER_MS = 60_000;

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the whole child, including its start-up (transpiling the sources). */
  ms: number;
  /** Peak resident memory of the child, in MB (null when it was killed before writing it). */
  peakMb: number | null;
  hung: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Called once the child has started (to send it a signal, say). */
  onStart?: (child: ChildProcess) => void;
  /** Called with each chunk of stderr as it arrives. */
  onStderr?: (text: string, child: ChildProcess) => void;
}

export function tempDir(prefix = 'lc-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `ledgercheck <args>` as a child process (through tsx, so the sources under test are used). */
export function runCli(args: string[], opts: RunOptions = {}): Promise<ChildRun> {
  const statsFile = join(tempDir('lc-stats-'), 'stats.json');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', ...opts.env, LC_STATS_FILE: statsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let hung = false;
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    opts.onStderr?.(d, child);
  });
  const killer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, KILL_AFTER_MS);
  opts.onStart?.(child);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let peakMb: number | null = null;
      if (existsSync(statsFile)) peakMb = JSON.parse(readFileSync(statsFile, 'utf8')).maxRssKb / 1024;
      resolve({ code, signal, stdout, stderr, ms, peakMb, hung });
    });
  });
}

/** The bytes of each file, to prove later that none changed. */
export function snapshot(paths: string[]): Map<string, string> {
  return new Map(paths.map((p) => [p, createHash('sha256').update(readFileSync(p)).digest('hex')]));
}

/** Paths whose bytes differ from the snapshot (or that are gone). */
export function changedSince(snap: Map<string, string>): string[] {
  return [...snap].filter(([p, h]) => !existsSync(p) || createHash('sha256').update(readFileSync(p)).digest('hex') !== h).map(([p]) => p);
}

/** Hidden partial files (.name.PID.tmp) left in a folder. */
export function tempFilesLeft(dir: string): string[] {
  return readdirSync(dir).filter((f) => /^\..*\.\d+\.tmp$/.test(f));
}

/**
 * Whole ID numbers in a text: 18 characters (17 digits and a digit or X) or 15 digits, also
 * typed with full-width digits or with spaces or hyphens between the digits. Masked numbers
 * (110105********002X) do not match.
 */
export function fullIds(text: string): string[] {
  const normal = text
    .replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[ \u3000\u00a0-](?=\d)/g, '$1');
  return [...normal.matchAll(/(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g)].map((m) => m[1]);
}

/**
 * The text of the tabs we added to a written workbook (every cell of every part not in
 * `userParts`): what a supervisor reading the copy sees of ours.
 */
export async function addedPartsText(xlsx: Uint8Array | Buffer, userParts: Set<string>): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  let text = '';
  for (const f of Object.values(zip.files)) {
    if (f.dir || userParts.has(f.name)) continue;
    if (f.name === 'xl/workbook.xml' || f.name === '[Content_Types].xml' || f.name.endsWith('.rels') || f.name === 'xl/styles.xml') continue;
    text += (await f.async('string')) + '\n';
  }
  return text;
}

/** Part names of a package, to tell the user's parts from ours after writing. */
export async function partNames(xlsx: Uint8Array | Buffer): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(xlsx);
  return new Set(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name));
}

/** Every part's bytes, to prove the user's parts are carried over unchanged. */
export async function partBytes(xlsx: Uint8Array | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

/** Asserts the bounds every hostile run must keep: no hang, no internal error, time and memory. */
export function expectBounded(r: ChildRun): void {
  expect(r.hung).toBe(false);
  expect(r.code).not.toBe(3);
  expect(r.stderr).not.toMatch(/internal error|内部错误|RangeError|at .+\.ts:\d+/);
  expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
  expect(r.peakMb).not.toBeNull();
  expect(r.peakMb!).toBeLessThan(MEMORY_LIMIT_MB);
}

/** Asserts a one-line reason on stderr (exit 2) that contains `pattern`. */
export function expectOneLineReason(r: ChildRun, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

export function fileSize(p: string): number {
  return statSync(p).size;
}
