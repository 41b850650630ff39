import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CellValue, SheetInput } from '../core/workbook';
import { XlsxError, XlsxProblem } from '../xlsx/errors';
import { SheetEntry, XlsxPackage } from '../xlsx/package';
import { BookParts, readSheetAt, settleSheet } from '../xlsx/read';
import { joinBlocks, RowBlock } from '../xlsx/sheet-scan';
import { findEntry, inflateAhead } from '../xlsx/zip';
import { stopInflatingAhead } from './node-inflate';

/** One book for the sheet thread: its bytes (shared, not copied) and what the main thread knows of it. */
export interface SheetJob {
  book: number;
  /** The first sheet to read (the ones before were read by the main thread). */
  from: number;
  data: Uint8Array;
  sheets: SheetEntry[];
  /** The styles' date formats, as this thread read them. */
  dateStyles: number[];
  date1904: boolean;
  /** The book has a shared-strings part: its cells keep their index. */
  shared: boolean;
  /** The package's inflate and cell budgets as this thread left them. */
  budgetUsed: number;
  cellsLeft: number;
}

export type SheetMessage =
  | { type: 'rows'; book: number; sheet: number; from: number; rows: CellValue[][]; shared: Int32Array }
  | { type: 'sheet'; book: number; sheet: number; merges: string[]; budgetUsed: number }
  /** Rows out of order: the main thread reads this sheet and the rest of the book itself. */
  | { type: 'in-thread'; book: number; sheet: number; budgetUsed: number; cellsLeft: number }
  | { type: 'failed'; book: number; sheet: number; problem: XlsxProblem; message: string }
  | { type: 'crashed'; book: number; sheet: number; message: string };

/** Reads a book's sheets one by one, on this thread or another. */
export interface SheetSource {
  sheet(book: number, index: number, parts: BookParts): Promise<SheetInput>;
  /** The book's strings and styles are read: its sheets may be read ahead of being asked for. */
  prepare(book: number, parts: BookParts): void;
  close(): Promise<void>;
}

/** The sheets read on this thread, when asked; each read, the inflater may start on the next (checked meanwhile). */
function sheetsHere(pkgs: XlsxPackage[]): SheetSource {
  return {
    sheet: async (book, index, parts) => {
      const pkg = pkgs[book];
      const sheet = await readSheetAt(pkg, parts, index);
      const next = pkg.sheets[index + 1]?.part;
      const entry = next ? safeFind(pkg, next) : null;
      if (entry) inflateAhead(pkg.archive, entry);
      return sheet;
    },
    prepare: () => {},
    close: async () => stopInflatingAhead(),
  };
}

/**
 * Sheets from all but the largest sheet part weigh at least this much: reading them on a second
 * thread while the main thread checks the one before saves more than the thread's start (~40 ms).
 * A single big sheet gains nothing, nothing can be checked before it is whole.
 */
const WORTH_A_THREAD = 4 * 1024 * 1024;

/** Cores the sheet thread needs to pay (see sheetSource). */
export const MIN_CORES = 3;

/** The built sheet thread beside this bundle; absent when the sources run directly (tests). */
const WORKER_FILE = join(__dirname, 'sheet-worker.js');

/**
 * The sheet thread when it pays (or LEDGERCHECK_READER=worker asks for it, =thread forbids it),
 * else this thread. It pays with three cores or more: on two, it, zlib's inflating and this
 * thread's checks take turns (100,000 households over 10 tabs: each check 30-100 % slower, the
 * run 0.83 against 0.81 s one-threaded, quiet machine).
 */
export function sheetSource(pkgs: XlsxPackage[]): SheetSource {
  const asked = process.env.LEDGERCHECK_READER;
  if (asked === 'thread' || !existsSync(WORKER_FILE)) return sheetsHere(pkgs);
  if (asked !== 'worker') {
    if (availableParallelism() < MIN_CORES) return sheetsHere(pkgs);
    const sizes: number[] = [];
    for (const pkg of pkgs)
      for (const s of pkg.sheets) {
        const e = s.part ? safeFind(pkg, s.part) : null;
        if (e) sizes.push(e.size);
      }
    const largest = sizes.reduce((a, b) => Math.max(a, b), 0);
    if (sizes.reduce((a, b) => a + b, 0) - largest < WORTH_A_THREAD) return sheetsHere(pkgs);
  }
  return new SheetThread(pkgs);
}

function safeFind(pkg: XlsxPackage, part: string) {
  try {
    return findEntry(pkg.archive, part);
  } catch {
    return null; // said when the sheet is read
  }
}

interface Arrival {
  blocks: RowBlock[];
  end: SheetMessage | null;
  wake: (() => void) | null;
}

class SheetThread implements SheetSource {
  private readonly worker: Worker;
  private readonly arrivals = new Map<string, Arrival>();
  /** Books the sheet thread gave back to this one, from which sheet on. */
  private readonly here = new Map<number, number>();
  /** Books given to the sheet thread. */
  private readonly posted = new Set<number>();
  private broken: Error | null = null;

  constructor(private readonly pkgs: XlsxPackage[]) {
    this.worker = new Worker(WORKER_FILE);
    this.worker.on('message', (m: SheetMessage) => {
      const a = this.arrival(m.book, m.sheet);
      if (m.type === 'rows') a.blocks.push(m);
      else a.end = m;
      if (a.end) a.wake?.();
    });
    const fail = (e: Error) => {
      this.broken ??= e;
      for (const a of this.arrivals.values()) a.wake?.();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the sheet thread stopped (exit ${code})`)));
  }

  /**
   * A book goes to the sheet thread once this thread has its shared strings and styles: read
   * side by side (even just the first sheet), the sheet thread slowed the strings, which every
   * check waits for, by more than the first sheet then takes to arrive.
   */
  prepare(book: number, parts: BookParts): void {
    if (!this.posted.has(book)) this.post(book, parts, 0);
  }

  private post(book: number, parts: BookParts, from: number): void {
    this.posted.add(book);
    const pkg = this.pkgs[book];
    const job: SheetJob = {
      book,
      from,
      data: pkg.data,
      sheets: pkg.sheets,
      dateStyles: [...parts.dateStyles],
      date1904: pkg.date1904,
      shared: pkg.sharedStringsPart !== null,
      budgetUsed: pkg.archive.budget.used,
      cellsLeft: parts.cells.left,
    };
    this.worker.postMessage(job);
  }

  private arrival(book: number, sheet: number): Arrival {
    const key = `${book}:${sheet}`;
    let a = this.arrivals.get(key);
    if (!a) this.arrivals.set(key, (a = { blocks: [], end: null, wake: null }));
    return a;
  }

  async sheet(book: number, index: number, parts: BookParts): Promise<SheetInput> {
    const pkg = this.pkgs[book];
    const from = this.here.get(book);
    if (from !== undefined && index >= from) return readSheetAt(pkg, parts, index);
    if (!this.posted.has(book)) {
      if (book === 0 && index === 0 && pkg.sheets.length > 1) {
        // The run's first sheet is read here, while the sheet thread starts on the second: it
        // arrived ~85 ms after the strings (the thread's start, a cold first reading), ~50 here.
        const sheet = await readSheetAt(pkg, parts, 0);
        this.post(book, parts, 1);
        return sheet;
      }
      this.post(book, parts, 0);
    }
    const a = this.arrival(book, index);
    while (!a.end && !this.broken) await new Promise<void>((wake) => (a.wake = wake));
    this.arrivals.delete(`${book}:${index}`);
    const end = a.end;
    if (!end) throw this.broken!;
    switch (end.type) {
      case 'sheet': {
        pkg.archive.budget.used = end.budgetUsed;
        const entry = pkg.sheets[index];
        return settleSheet(pkg, entry, { name: entry.name, rows: joinBlocks(a.blocks, parts.strings), merges: end.merges });
      }
      case 'in-thread':
        this.here.set(book, index);
        pkg.archive.budget.used = end.budgetUsed;
        parts.cells.left = end.cellsLeft;
        return readSheetAt(pkg, parts, index);
      case 'failed':
        throw new XlsxError(end.problem, end.message);
      default:
        throw new Error(`the sheet thread failed: ${end.type === 'crashed' ? end.message : end.type}`);
    }
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
