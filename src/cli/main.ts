import { readFile, rename, writeFile, unlink, realpath } from 'node:fs/promises';
import { basename, resolve, dirname } from 'node:path';
import { localDate, localDateTime } from '../core/clock';
import { runCheck, CheckResult } from '../core/engine';
import { buildReport } from '../core/report';
import { Settings } from '../core/settings';
import { OutCell } from '../core/summary/sheet';
import { previousLogRows, summaryTabs } from '../core/summary/tabs';
import { WorkbookInput } from '../core/workbook';
import { XlsxError } from '../xlsx/errors';
import { XlsxPackage } from '../xlsx/package';
import { readXlsx } from '../xlsx/read';
import { newWorkbookWithTabs, writeTabs } from '../xlsx/write';
import { CliArgs, parseCliArgs, USAGE, UsageError } from './args';
import { renderConsole } from './console-report';
import { loadSettings } from './settings-file';

export const VERSION: string = require('../../package.json').version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Today as YYYY-MM-DD (injectable so tests do not depend on the calendar). */
  today: () => string;
  now: () => Date;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s + '\n'),
  stderr: (s) => process.stderr.write(s + '\n'),
  today: () => localDate(new Date()),
  now: () => new Date(),
};


const BIG_FILE_ROWS = 20_000;

/** Runs the command; returns the exit code (0 ready, 1 errors found, 2 unusable input). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.stderr(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(VERSION);
    return 0;
  }
  try {
    return await check(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof XlsxError) {
      io.stderr(e.message);
      return 2;
    }
    throw e;
  }
}

interface Opened {
  path: string;
  workbook: WorkbookInput;
  pkg: XlsxPackage;
}

async function check(args: CliArgs, io: Io): Promise<number> {
  const settings = await loadSettings(args);
  const inputs = await Promise.all(args.files.map(async (f) => ({ path: f, real: await realpath(f).catch(() => null) })));
  if (args.out) {
    const out = await realpath(args.out).catch(() => resolve(args.out!));
    if (inputs.some((i) => i.real === out)) throw new UsageError(`--out 不能覆盖输入文件，请另取一个文件名 / --out must not overwrite an input file: ${args.out}`);
  }
  const names = new Set<string>();
  const opened: Opened[] = [];
  for (const { path } of inputs) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new UsageError(`找不到文件或无法读取 / cannot read file: ${path}`);
    }
    let name = basename(path);
    while (names.has(name)) name = `${name}'`;
    names.add(name);
    try {
      const { workbook, pkg } = await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
      opened.push({ path, workbook, pkg });
    } catch (e) {
      if (e instanceof XlsxError) throw new XlsxError(e.problem, `${path}: ${e.message}`);
      throw e;
    }
  }
  const totalRows = opened.reduce((n, o) => n + o.workbook.sheets.reduce((m, s) => m + s.rows.length, 0), 0);
  const showProgress = !args.quiet && totalRows > BIG_FILE_ROWS;
  const result = runCheck(
    opened.map((o) => o.workbook),
    settings,
    {
      today: io.today(),
      onProgress: showProgress ? (p) => io.stderr(`${args.lang === 'en' ? 'checking' : '检查进度'} ${p.file} ${p.sheet}: ${p.rowsDone}/${p.rowsTotal}`) : undefined,
    },
  );
  const report = buildReport(result, args.lang, VERSION);
  if (!args.quiet) io.stdout(renderConsole(report, args.lang, args.all ? null : 200));
  if (args.json) await writeAtomically(args.json, Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8'));
  if (args.out) {
    const bytes = await writeCopy(opened, result, settings, io);
    await writeAtomically(args.out, bytes);
    if (!args.quiet) io.stdout(args.lang === 'en' ? `\nWrote ${args.out}` : `\n已写出 ${args.out}（原文件未改动）`);
  }
  return report.summary.ready ? 0 : 1;
}

async function writeCopy(opened: Opened[], result: CheckResult, settings: Settings, io: Io): Promise<Uint8Array> {
  const single = opened.length === 1 ? opened[0] : null;
  const tabs = summaryTabs({
    result,
    lang: settings.lang,
    linkFile: single ? single.workbook.name : null,
    runAt: localDateTime(io.now()),
    toolVersion: VERSION,
    previousLog: single ? previousLog(single) : undefined,
  });
  const written = single ? await writeTabs(single.pkg, tabs) : await newWorkbookWithTabs(tabs);
  return written.bytes;
}

function previousLog(o: Opened): OutCell[][] {
  return previousLogRows(o.workbook.sheets[o.pkg.sheets.findIndex((s) => s.owned === 'log')]);
}

/** Writes next to the target and renames, so a failure never leaves half a file behind. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = resolve(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new UsageError(`无法写出文件 / cannot write ${path}: ${(e as Error).message}`);
  }
}
