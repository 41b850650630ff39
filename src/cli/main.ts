import { fstatSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { localDate, localDateTime } from '../core/clock';
import { CheckProgress } from '../core/engine';
import { LedgerResult, pipelineOutput, RunOptions, startCheck } from '../core/pipeline';
import { Settings } from '../core/settings';
import { forConsole, maskIdsInText, stripControls } from '../core/redact';
import { SheetDescription } from '../core/summary/sheet';
import { WorkbookInput } from '../core/workbook';
import { XlsxError } from '../xlsx/errors';
import { openPackage, XlsxPackage } from '../xlsx/package';
import { BookParts, readBookParts } from '../xlsx/read';
import { sheetSource } from './sheet-thread';
import { nodeInflater } from './node-inflate';
import { readInput } from './read-input';
import { CliArgs, langOf, parseCliArgs, USAGE, UsageError } from './args';
import { COLOUR, nextStep, PLAIN, renderConsole, verdictLine, wantsColour } from './console-report';
import { loadSettings } from './settings-file';
import { checkCopyExtension, extensionFor, planOutputs, sameFile } from './output-paths';
import { isSpecialFile, writeOutput } from './write-output';

export const VERSION: string = require('../../package.json').version;

/** The .xlsx writer (jszip, an XML DOM) is loaded only when a copy is written: a check alone starts sooner. */
const writer = (): typeof import('../xlsx/write') => require('../xlsx/write');

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
export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // Whatever is printed (a file or sheet name, a cell quoted in an error) carries no terminal escapes and no whole ID.
  const showIds = argv.includes('--show-ids');
  const io: Io = { ...rawIo, stderr: (s) => rawIo.stderr(printable(s, showIds)) };
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
  const lang = settings.lang;
  const plan = await planOutputs(args.files, args.config, args.out, args.json);
  // The same workbook named twice (or through a link) is read once: counting it twice would double every total.
  const unique: typeof plan.inputs = [];
  for (const i of plan.inputs) {
    const first = unique.find((u) => sameFile(u, i));
    if (first) io.stderr(lang === 'en' ? `${i.given} is the same file as ${first.given}: read once` : `${i.given} 与 ${first.given} 是同一个文件，只读一次`);
    else unique.push(i);
  }
  const names = new Set<string>();
  const opened: Opened[] = [];
  // Every file opened first (its zip directory and workbook part): an unusable one is said before any check.
  for (const { given: path } of unique) {
    const bytes = await readInput(path);
    let name = basename(path);
    while (names.has(name)) name = `${name}'`;
    names.add(name);
    await saidOf(path, async () => {
      const pkg = await openPackage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), nodeInflater);
      // A copy is written through jszip: a file it cannot open is refused now, before any check.
      if (args.out) await writer().packageZip(pkg);
      opened.push({ path, workbook: { name, sheets: [] }, pkg });
    });
  }
  const outSpecial = args.out ? await isSpecialFile(args.out) : false;
  if (args.out) checkCopyExtension(args.out, opened.length === 1 ? extensionFor(await writer().mainContentType(opened[0].pkg)) : '.xlsx', outSpecial);
  // When a report or the copy itself goes to standard output, the console text stays off it.
  const stdoutTaken = args.json === '-' || (args.out !== undefined && outSpecial && isStdout(args.out));
  // Progress is shown when the books hold over BIG_FILE_ROWS rows; sheets are checked as they are
  // read, so lines wait until the rows read so far pass it (and are dropped if they never do).
  let rowsRead = 0;
  const waiting: string[] = [];
  const progressLine = (line: string) => {
    if (rowsRead <= BIG_FILE_ROWS) waiting.push(line);
    else {
      for (const w of waiting.splice(0)) io.stderr(w);
      io.stderr(line);
    }
  };
  const single = opened.length === 1;
  const out = args.out;
  const options = {
    today: io.today(),
    onProgress: args.quiet ? undefined : (p: CheckProgress) => progressLine(`${lang === 'en' ? 'checking' : '检查进度'} ${p.file} ${p.sheet}: ${p.rowsDone}/${p.rowsTotal}`),
    version: VERSION,
    tabs: out
      ? {
          linkFile: single ? opened[0].workbook.name : null,
          // A consolidation links each address to the source file's cell, by its path from the new workbook.
          linkTargets: single ? undefined : Object.fromEntries(opened.map((o) => [o.workbook.name, relativeHref(out, o.path)])),
          runAt: localDateTime(io.now()),
        }
      : undefined,
  };
  const result = await readAndCheck(opened, settings, options, (rows) => (rowsRead += rows));
  const { report, tabs } = pipelineOutput(
    result,
    opened.map((o) => o.workbook),
    settings,
    options,
  );
  // Without a copy to write, the books are done with: their cells (about 300 bytes a row) are let
  // go before the report is printed and written, which a million rows of findings make large.
  if (!out) opened.length = 0;
  const paint = io.colour ? COLOUR : PLAIN;
  const quiet = args.quiet || stdoutTaken;
  // The one verdict line needs the summary only: the whole report is made printable when it is printed.
  const shown = quiet ? { ...report, summary: forConsole(report.summary) } : forConsole(report);
  if (args.quiet && !stdoutTaken) io.stdout(verdictLine(shown, lang));
  else if (!quiet) io.stdout(renderConsole(shown, lang, args.all ? null : 200, paint));
  const toStdout = async (b: Uint8Array) => io.stdout(Buffer.from(b).toString('utf8').replace(/\n$/, ''));
  if (args.json) await writeOutput(args.json, Buffer.from(JSON.stringify(report, null, 2) + '\n', 'utf8'), toStdout);
  if (args.out) {
    const bytes = await writeCopy(opened, tabs);
    await writeOutput(args.out, bytes, toStdout);
    if (!quiet) io.stdout(printable(lang === 'en' ? `\nWrote ${args.out}` : `\n已写出 ${args.out}（原文件未改动）`, args.showIds));
  }
  if (!quiet) io.stdout(`\n${paint.bold(nextStep(shown, lang, args.out === undefined ? undefined : printable(args.out, args.showIds)))}`);
  // Nothing to check is unusable input, not a pass.
  return report.summary.status === 'no-table' ? 2 : report.summary.ready ? 0 : 1;
}

/**
 * Each sheet checked as it is read; a big multi-sheet run reads the next on a second thread
 * meanwhile. A function of its own: what the run holds (each sheet's checks and grids) is let go
 * when it returns, before the report is made and written.
 */
async function readAndCheck(opened: Opened[], settings: Settings, options: RunOptions, read: (rows: number) => void): Promise<LedgerResult> {
  const run = startCheck(settings, options);
  const source = sheetSource(opened.map((o) => o.pkg));
  // The next book's strings and styles, read before this book's last sheet is checked so the
  // sheet thread reads the next book's sheets meanwhile; a failure is said when its book's turn comes.
  let next: Promise<BookParts> | null = null;
  try {
    for (let b = 0; b < opened.length; b++) {
      const { path, workbook, pkg } = opened[b];
      await saidOf(path, async () => {
        const parts = await (next ?? readBookParts(pkg));
        next = null;
        const book = run.book(workbook.name);
        for (let i = 0; i < pkg.sheets.length; i++) {
          const sheet = await source.sheet(b, i, parts);
          workbook.sheets.push(sheet);
          read(sheet.rows.length);
          if (i === pkg.sheets.length - 1 && b + 1 < opened.length) {
            next = ahead(opened[b + 1].pkg, b + 1);
            await next.catch(() => undefined);
          }
          book.sheet(sheet);
        }
        book.end();
      });
    }
  } finally {
    await source.close();
  }
  return run.finish();

  async function ahead(pkg: XlsxPackage, b: number): Promise<BookParts> {
    const parts = await readBookParts(pkg);
    source.prepare(b, parts);
    return parts;
  }
}

/** Runs a read of the file at `path`; the reader's 「中文 / English」 error becomes one line in each language, after the file's name. */
async function saidOf(path: string, read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (e) {
    if (e instanceof XlsxError) {
      const i = e.message.indexOf(' / ');
      const [zh, en] = i > 0 ? [e.message.slice(0, i), e.message.slice(i + 3)] : [e.message, e.message];
      throw new UsageError(`${path}：${zh}`, `${path}: ${en}`);
    }
    throw e;
  }
}

async function writeCopy(opened: Opened[], tabs: SheetDescription[]): Promise<Uint8Array> {
  const written = opened.length === 1 ? await writer().writeTabs(opened[0].pkg, tabs) : await writer().newWorkbookWithTabs(tabs);
  return written.bytes;
}

/** Text safe to print: no terminal escapes or control characters, and no whole ID unless asked. */
function printable(s: string, showIds: boolean): string {
  const clean = stripControls(s, true);
  return showIds ? clean : maskIdsInText(clean);
}

/** The path of `target` as seen from the folder of `from`, with forward slashes (a hyperlink's). */
function relativeHref(from: string, target: string): string {
  return relative(dirname(resolve(from)), resolve(target)).split(sep).join('/');
}

/** True when a special-file path is this process's standard output (/dev/stdout, /proc/self/fd/1, its tty). */
function isStdout(path: string): boolean {
  if (path === '-' || path === '/dev/stdout') return true;
  try {
    const a = fstatSync(1);
    const b = statSync(path);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}
