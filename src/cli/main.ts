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
import { CliArgs, langOf, parseCliArgs, USAGE, UsageError } from './args';
import { COLOUR, nextStep, PLAIN, renderConsole, verdictLine, wantsColour } from './console-report';
import { loadSettings } from './settings-file';

export const VERSION: string = require('../../package.json').version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Today as YYYY-MM-DD (injectable so tests do not depend on the calendar). */
  today: () => string;
  now: () => Date;
  /** Colour the console (a terminal without NO_COLOR). */
  colour?: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s + '\n'),
  stderr: (s) => process.stderr.write(s + '\n'),
  today: () => localDate(new Date()),
  now: () => new Date(),
  colour: wantsColour(process.stdout.isTTY, process.env),
};


const BIG_FILE_ROWS = 20_000;

/** Runs the command; returns the exit code (0 ready, 1 errors found, 2 unusable input). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    // One line in one language, naming what was typed; no usage dump after a typo.
    if (e instanceof UsageError) {
      io.stderr(e.say(langOf(argv)));
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout(USAGE[args.lang]);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(VERSION);
    return 0;
  }
  try {
    return await check(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(e.say(args.lang));
      return 2;
    }
    if (e instanceof XlsxError) {
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
    if (inputs.some((i) => i.real === out)) throw new UsageError(`--out ${args.out} 是要检查的文件本身，不能覆盖；请另取一个文件名。`, `--out ${args.out} is one of the files being checked and cannot be overwritten; choose another name.`);
  }
  const names = new Set<string>();
  const opened: Opened[] = [];
  for (const { path } of inputs) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new UsageError(`找不到文件或无法读取：${path}`, `Cannot read the file ${path}.`);
    }
    let name = basename(path);
    while (names.has(name)) name = `${name}'`;
    names.add(name);
    try {
      const { workbook, pkg } = await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
      opened.push({ path, workbook, pkg });
    } catch (e) {
      if (e instanceof XlsxError) {
        // The reader says 「中文 / English」: the console says one of them, after the file's name.
        const i = e.message.indexOf(' / ');
        const [zh, en] = i > 0 ? [e.message.slice(0, i), e.message.slice(i + 3)] : [e.message, e.message];
        throw new UsageError(`${path}：${zh}`, `${path}: ${en}`);
      }
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
  const paint = io.colour ? COLOUR : PLAIN;
  if (args.quiet) io.stdout(verdictLine(report, args.lang));
  else io.stdout(renderConsole(report, args.lang, args.all ? null : 200, paint));
  if (args.json) await writeAtomically(args.json, Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8'));
  if (args.out) {
    const bytes = await writeCopy(opened, result, settings, io);
    await writeAtomically(args.out, bytes);
    if (!args.quiet) io.stdout(args.lang === 'en' ? `\nWrote ${args.out}` : `\n已写出 ${args.out}（原文件未改动）`);
  }
  if (!args.quiet) io.stdout(`\n${paint.bold(nextStep(report, args.lang, args.out))}`);
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
    // Name the file the user asked for, never our temporary one.
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why: Record<string, [string, string]> = {
      ENOENT: ['所在的文件夹不存在', 'its folder does not exist'],
      EACCES: ['没有写入权限', 'permission denied'],
      EPERM: ['没有写入权限', 'permission denied'],
      EBUSY: ['文件正被其他程序（如 Excel）打开', 'the file is open in another program (Excel?)'],
      EISDIR: ['这是一个文件夹', 'it is a folder'],
      ENOSPC: ['磁盘已满', 'the disk is full'],
      EROFS: ['磁盘是只读的', 'the disk is read-only'],
    };
    const [zh, en] = why[code] ?? ['写入失败', `it could not be written (${code || 'unknown error'})`];
    throw new UsageError(`无法写出 ${path}：${zh}。`, `Cannot write ${path}: ${en}.`);
  }
}
