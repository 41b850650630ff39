import { SheetInput, WorkbookInput } from '../core/workbook';
import { CellBudget, RowBlocks, SheetScanner } from './sheet-scan';
import { XlsxError } from './errors';
import { openPackage, readArchivePart, SheetEntry, XlsxPackage } from './package';
import { claimedRole, provedRole } from '../core/summary/ownership';
import { MAX_CELLS, MAX_SHARED_STRINGS_BYTES, MAX_SHEET_PART_BYTES } from './limits';
import { local, parseXml } from './xml';
import { bytes, ELEMENT_DECLINED, ELEMENT_UNFINISHED, GT, LT, MATCH, matchAt, SHORT, skipSpace, SLASH, textElementAt, XmlError, XmlHandler, XmlTokenizer, utf8Stream } from './xml-stream';
import { findEntry, Inflater, streamEntry, ZipArchive } from './zip';

export interface ReadResult {
  workbook: WorkbookInput;
  pkg: XlsxPackage;
}

export interface ReadOptions {
  /** How to inflate parts: node:zlib in the command line, fflate (the default) in the browser. */
  inflater?: Inflater;
}

/** "中文 / English" with a prefix put on both halves. */
function prefixed(zh: string, en: string, message: string): string {
  const i = message.indexOf(' / ');
  return i < 0 ? `${zh}${message} / ${en}${message}` : `${zh}${message.slice(0, i)} / ${en}${message.slice(i + 3)}`;
}

/**
 * Reads every sheet's values, merged areas and hidden rows from an .xlsx file's bytes. Each part
 * is inflated, decoded and scanned as a stream, under the bounds in limits.ts; jszip keeps the
 * package for writing. A sheet that cannot be read fully is an XlsxError naming it, never an
 * empty sheet. jszip is not loaded here: only a writer needs it.
 */
export async function readXlsx(data: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const pkg = await openPackage(data, options.inflater);
  const parts = await readBookParts(pkg);
  const sheets: SheetInput[] = [];
  for (let i = 0; i < pkg.sheets.length; i++) sheets.push(await readSheetAt(pkg, parts, i));
  return { workbook: { name, sheets }, pkg };
}

/** What a package's sheets are read with: its shared strings, its date formats and its cell budget. */
export interface BookParts {
  strings: string[];
  dateStyles: Set<number>;
  cells: CellBudget;
}

/** The shared strings, then the styles' date formats (in this order: which fails first is what is said). */
export async function readBookParts(pkg: XlsxPackage): Promise<BookParts> {
  const strings = pkg.sharedStringsPart ? await readSharedStrings(pkg.archive, pkg.sharedStringsPart) : [];
  return { strings, dateStyles: await readDateStyles(pkg.archive, pkg.stylesPart), cells: { left: MAX_CELLS } };
}

async function readDateStyles(zip: ZipArchive, stylesPart: string | null): Promise<Set<number>> {
  if (!stylesPart) return new Set();
  const xml = await readArchivePart(zip, stylesPart);
  return xml === null ? new Set() : guard(stylesPart, () => parseDateStyles(xml, stylesPart));
}

/** The package's i-th sheet, read here. */
export async function readSheetAt(pkg: XlsxPackage, parts: BookParts, i: number): Promise<SheetInput> {
  const entry = pkg.sheets[i];
  return settleSheet(pkg, entry, await readSheet(pkg.archive, entry, parts.strings, parts.dateStyles, pkg.date1904, parts.cells));
}

/** A sheet as read, told whether it is a tab we wrote: the hidden name alone proves nothing (Excel copies it with a copied tab), so its content is checked too. */
export function settleSheet(pkg: XlsxPackage, entry: SheetEntry, sheet: SheetInput): SheetInput {
  if (entry.owned) {
    const claimed = claimedRole(entry.owned);
    entry.owned = provedRole(entry.owned, sheet, pkg.date1904);
    if (entry.owned) sheet.owned = entry.owned;
    else if (claimed) sheet.marked = claimed;
  }
  return sheet;
}

/**
 * One sheet's values, merged areas and hidden rows. With `blocks` (another thread holds the
 * shared strings: `strings` null), rows go there as they are read and the sheet returned has none.
 */
export async function readSheet(
  zip: ZipArchive,
  entry: SheetEntry,
  strings: string[] | null,
  dateStyles: Set<number>,
  date1904: boolean,
  cells: CellBudget,
  blocks: RowBlocks | null = null,
): Promise<SheetInput> {
  const zh = `工作表「${entry.name}」无法读取：`;
  const en = `sheet "${entry.name}" cannot be read: `;
  if (entry.problem) throw new XlsxError('corrupt', `${zh}${entry.problem.zh} / ${en}${entry.problem.en}`);
  // Chart sheets and dialog sheets hold no cells.
  if (entry.kind === 'chartsheet' || entry.kind === 'dialogsheet') return { name: entry.name, rows: [] };
  const scanner = new SheetScanner(entry.name, entry.part, strings, dateStyles, date1904, cells, blocks);
  try {
    const utf8 = utf8Stream((c) => scanner.push(c));
    await streamEntry(zip, findEntry(zip, entry.part)!, MAX_SHEET_PART_BYTES, (c) => utf8.push(c));
    utf8.end();
    return scanner.end();
  } catch (e) {
    if (e instanceof XlsxError) throw new XlsxError(e.problem, prefixed(zh, en, e.message));
    if (e instanceof XmlError) throw new XlsxError('corrupt', `${zh}内容已损坏（${e.message}） / ${en}its XML is damaged (${e.message})`);
    throw e;
  }
}

/** Runs a parse of a small part; a malformed part becomes a one-line XlsxError. */
function guard<T>(part: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', `文件内容已损坏（${part}） / the workbook is damaged (${(e as Error).message})`);
  }
}

/** Shared strings as a stream of si elements: rich-text runs joined, phonetic guides (rPh) left out as Excel shows them. */
export class SharedStringsReader implements XmlHandler {
  collecting = false;
  /** The strings, made room for at once when the table says how many it holds (see open). */
  private list: string[] = [];
  private count = 0;
  private current = '';
  private inSi = false;
  private phonetic = 0;
  private root = false;

  /** `partBytes`: the part's inflated size when known, which bounds the room made for the strings. */
  constructor(private readonly partBytes = 0) {}

  /** The strings read. */
  get out(): string[] {
    if (this.list.length !== this.count) this.list.length = this.count;
    return this.list;
  }

  open(t: XmlTokenizer): void {
    if (!this.root) {
      this.root = true;
      if (!t.is('sst')) t.fail('the root element is not <sst>');
      // 200,000 strings pushed one by one grow the array a dozen times. A uniqueCount no part of
      // this size could hold (a string takes 16 bytes or more) makes no more room than fits, and
      // never more than PRESIZED_STRINGS: past that the array grows as strings come.
      const n = Math.min(t.attrInt('uniqueCount') ?? 0, Math.floor(this.partBytes / 16), PRESIZED_STRINGS);
      if (n > 0) this.list = new Array<string>(n);
    }
    if (t.is('si')) {
      this.current = '';
      this.inSi = true;
    } else if (t.is('rPh')) this.phonetic++;
    else if (t.is('t') && this.inSi && this.phonetic === 0) this.collecting = true;
  }

  close(t: XmlTokenizer): void {
    if (t.is('t')) this.collecting = false;
    else if (t.is('rPh')) this.phonetic--;
    else if (t.is('si')) {
      this.list[this.count++] = this.current;
      this.inSi = false;
    }
  }

  text(t: XmlTokenizer, s: number, e: number, raw: boolean): void {
    this.current += t.decode(s, e, raw);
  }

  /**
   * `<si><t>…</t></si>`, what nearly every string is, in one pass, and the ones that follow it
   * with nothing between, without going back to the tokenizer for each; anything else tag by tag.
   */
  element(t: XmlTokenizer, lt: number): number {
    if (!this.root || this.inSi) return ELEMENT_DECLINED;
    const buf = t.buf;
    const len = buf.length;
    let at = this.plainSi(t, lt);
    if (at >= 0) {
      for (;;) {
        if (at >= len || buf[at] !== LT) return at;
        const next = this.plainSi(t, at);
        if (next < 0) return at;
        at = next;
      }
    }
    let m = matchAt(buf, lt, SI_OPEN);
    if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
    m = textElementAt(buf, skipSpace(buf, lt + SI_OPEN.length, buf.length), this.at);
    if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
    const end = skipSpace(buf, this.at[2], buf.length);
    m = matchAt(buf, end, SI_END);
    if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
    this.list[this.count++] = this.at[1] > this.at[0] ? t.decode(this.at[0], this.at[1], false) : '';
    return end + SI_END.length;
  }

  /**
   * `<si><t>…</t></si>` exactly, whole in the buffer, by exact byte tests: where it ends, or -1
   * (another shape, or cut by the buffer's end: the general reading above decides). A text of
   * plain ASCII, no & and no line end to normalise (an ID number, a phone number) is made a
   * string straight from its bytes.
   */
  private plainSi(t: XmlTokenizer, lt: number): number {
    const buf = t.buf;
    const len = buf.length;
    const s = lt + 7;
    if (s > len || buf[lt + 1] !== 115 /* s */ || buf[lt + 2] !== 105 /* i */ || buf[lt + 3] !== GT || buf[lt + 4] !== LT || buf[lt + 5] !== 116 /* t */ || buf[lt + 6] !== GT) return -1;
    let e = s;
    let plain = true;
    for (; e < len; e++) {
      const c = TEXT_BYTE[buf[e]];
      if (c !== 0) {
        if (c === TEXT_END) break;
        plain = false;
      }
    }
    if (e + 9 > len || buf[e + 1] !== SLASH || buf[e + 2] !== 116 || buf[e + 3] !== GT || buf[e + 4] !== LT || buf[e + 5] !== SLASH || buf[e + 6] !== 115 || buf[e + 7] !== 105 || buf[e + 8] !== GT) return -1;
    this.list[this.count++] = e === s ? '' : plain ? t.ascii(s, e) : t.decode(s, e, false);
    return e + 9;
  }

  private readonly at = new Int32Array(3);
}

/** What a byte of a shared string's text is to plainSi: its end (<), one that is not plain ASCII (non-ASCII, &, \r), or plain (0). */
const TEXT_END = 1;
const TEXT_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (b === LT ? TEXT_END : b >= 0x80 || b === 38 /* & */ || b === 13 /* \r */ ? 2 : 0));
/** The most strings room is made for before they are read (32 MB of array). */
const PRESIZED_STRINGS = 1 << 22;
const SI_OPEN = bytes('<si>');
const SI_END = bytes('</si>');

async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  const entry = findEntry(zip, part);
  if (!entry) throw new XlsxError('corrupt', `文件内容已损坏：缺少共享字符串部件 ${part} / the workbook is damaged: its shared strings part ${part} is missing`);
  const reader = new SharedStringsReader(entry.size);
  const tokenizer = new XmlTokenizer(reader, part);
  tokenizer.repeats = false; // a shared-strings table holds each text once
  try {
    const utf8 = utf8Stream((c) => tokenizer.push(c));
    await streamEntry(zip, entry, MAX_SHARED_STRINGS_BYTES, (c) => utf8.push(c));
    utf8.end();
    tokenizer.end();
  } catch (e) {
    if (e instanceof XmlError) throw new XlsxError('corrupt', `文件内容已损坏（共享字符串 ${e.message}） / the workbook is damaged (shared strings ${e.message})`);
    throw e;
  }
  return reader.out;
}

/** Shared strings from a whole part's text (tests). */
export function parseSharedStrings(xml: string, part: string): string[] {
  const reader = new SharedStringsReader();
  const tokenizer = new XmlTokenizer(reader, part);
  tokenizer.push(new TextEncoder().encode(xml));
  tokenizer.end();
  return reader.out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[ymdhs年月日]/i.test(s) && !/^general$/i.test(s);
}

/** Indexes of the cell formats (cellXfs) that show numbers as dates. */
export function parseDateStyles(xml: string, part: string): Set<number> {
  const custom = new Map<number, string>();
  const result = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  parseXml(
    xml,
    {
      open(t) {
        const a = t.attributes as Record<string, string>;
        const n = local(t.name);
        if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (n === 'cellXfs') inCellXfs = true;
        else if (n === 'xf' && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          const code = custom.get(id);
          if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) result.add(index);
          index++;
        }
      },
      close(name) {
        if (local(name) === 'cellXfs') inCellXfs = false;
      },
    },
    part,
  );
  return result;
}
