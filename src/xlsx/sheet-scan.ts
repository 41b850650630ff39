import { dayFromExcelSerial } from '../core/read/date';
import { CellValue, SheetInput } from '../core/workbook';
import { MAX_COLS, MAX_ROWS } from './limits';
import { APOS, bytes, ELEMENT_DECLINED, ELEMENT_UNFINISHED, EQ, GT, LT, MATCH, matchAt, QUOT, SHORT, skipSpace, SLASH, SP, textElementAt, XmlHandler, XmlTokenizer } from './xml-stream';

/**
 * Reads a worksheet part as its bytes arrive (values, merged areas, hidden rows), never holding
 * the part as one string: V8 caps strings at about 512 MB, which a sheet of ~626,000 rows passes.
 * This is the command line's hot path; it is held to exceljs's reading by a property test.
 */
const MS_PER_DAY = 86_400_000;

/** Counts cells with a value across a package, against a bound (see limits.ts). */
export interface CellBudget {
  left: number;
}

/**
 * Where a sheet read on another thread goes (src/cli/sheet-worker.ts): its rows in blocks as they
 * are read, shared strings left as their index (the other thread holds the table) and listed.
 */
export interface RowBlocks {
  block(from: number, rows: CellValue[][], shared: Int32Array): void;
}

/** rows[i] is Excel row from + i + 1; `shared` lists (row index in rows, column index) pairs of cells holding a shared-string index. */
export interface RowBlock {
  from: number;
  rows: CellValue[][];
  shared: Int32Array;
}

/** Rows per block handed to `RowBlocks`. */
const BLOCK_ROWS = 8192;

/**
 * A sheet whose rows or cells are out of order (a row number repeated or going back, a cell left
 * of the one before): its blocks could not be joined as the tag-by-tag reading joins them, so
 * the thread that holds the strings reads it itself. Excel, WPS, LibreOffice and openpyxl never
 * write one.
 */
export class OutOfOrder extends Error {}

export class SheetScanner implements XmlHandler {
  collecting = false;
  private readonly tokenizer: XmlTokenizer;
  private rows: CellValue[][] = [];
  /** Rows handed to `blocks` so far: rows[0] is Excel row base + 1. */
  private base = 0;
  /** (row index, column index) pairs of shared-string cells since the last block. */
  private shared = new Int32Array(1024);
  private sharedLength = 0;
  private readonly merges: string[] = [];
  private sawSheetData = false;
  private inSheetData = false;
  private rootChecked = false;
  private rowIndex = 0;
  private row: CellValue[] = [];
  private inCell = false;
  private col = 0;
  private type = 'n';
  private style = 0;
  private inInline = false;
  private phonetic = 0;
  private value: string | null = null;
  /** A number or shared-string index read straight from the bytes. */
  private number: number | null = null;
  /** Where startTag puts the value ranges of r, s and t. */
  private readonly tagAttrs = new Int32Array(6);
  /** Where textElementAt puts what it found. */
  private readonly at = new Int32Array(3);
  /** Date cells by serial number. */
  private readonly dates = new Map<number, CellValue>();
  /** dateStyles as a flag per style index (see isDateStyle). */
  private readonly dateFlags: Uint8Array;

  constructor(
    private readonly name: string,
    part: string,
    /** null: shared strings stay their index, listed for `blocks`. */
    private readonly strings: string[] | null,
    private readonly dateStyles: Set<number>,
    private readonly date1904: boolean,
    private readonly cells: CellBudget = { left: Infinity },
    private readonly blocks: RowBlocks | null = null,
  ) {
    this.tokenizer = new XmlTokenizer(this, part);
    let max = -1;
    for (const k of dateStyles) if (Number.isInteger(k) && k < MAX_FLAGGED_STYLES && k > max) max = k;
    this.dateFlags = new Uint8Array(max + 1);
    for (const k of dateStyles) if (Number.isInteger(k) && k >= 0 && k <= max) this.dateFlags[k] = 1;
  }

  /** Whether cells of style index `style` (a whole number ≥ 0) show dates: a look-up, not a Set's hashing, for 600,000 number cells. */
  private isDateStyle(style: number): boolean {
    return style < this.dateFlags.length ? this.dateFlags[style] === 1 : this.dateStyles.has(style);
  }

  push(chunk: Uint8Array): void {
    this.tokenizer.push(chunk);
  }

  /** The part has ended; returns the sheet. */
  end(): SheetInput {
    this.tokenizer.end();
    if (!this.sawSheetData) this.tokenizer.fail('no <sheetData>: this is not a worksheet');
    if (this.blocks) {
      this.flush();
      return { name: this.name, rows: [], merges: this.merges };
    }
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { name: this.name, rows, merges: this.merges };
  }

  open(t: XmlTokenizer): void {
    if (!this.rootChecked) {
      this.rootChecked = true;
      if (!t.is('worksheet') && !t.is('macrosheet')) t.fail('the root element is not <worksheet>');
    }
    if (!this.inSheetData) {
      if (t.is('sheetData')) {
        if (this.sawSheetData) t.fail('two <sheetData> elements');
        this.sawSheetData = true;
        this.inSheetData = !t.selfClosing;
      } else if (t.is('mergeCell')) {
        const ref = t.attr('ref');
        if (ref) this.merges.push(ref);
      }
      return;
    }
    const n = t.localEnd - t.localStart;
    const c0 = t.buf[t.localStart];
    if (n === 1) {
      if (c0 === 99 /* c */) this.openCell(t);
      else if (c0 === 118 /* v */) {
        // A cell has one value: a second <v> (malformed) is ignored, wherever the chunks were cut.
        if (this.inCell && !this.inInline && this.value === null && this.number === null) this.startText();
      } else if (c0 === 116 /* t */) {
        if (this.inInline && this.phonetic === 0) this.startText();
      }
    } else if (n === 3 && t.is('row')) this.openRow(t);
    else if (n === 2 && t.is('is')) {
      if (this.inCell) {
        this.inInline = true;
        this.number = null;
        this.value ??= '';
      }
    } else if (n === 3 && t.is('rPh')) this.phonetic++;
  }

  close(t: XmlTokenizer): void {
    if (!this.inSheetData) return;
    const n = t.localEnd - t.localStart;
    const c0 = t.buf[t.localStart];
    if (n === 1) {
      if (c0 === 99) this.closeCell();
      else if (c0 === 118 || c0 === 116) this.collecting = false;
    } else if (n === 2 && t.is('is')) this.inInline = false;
    else if (n === 3 && t.is('rPh')) this.phonetic--;
    else if (n === 9 && t.is('sheetData')) this.inSheetData = false;
  }

  text(t: XmlTokenizer, s: number, e: number, raw: boolean): void {
    // The first piece of a number or shared-string index is read from the bytes, without a string.
    // (only when the value closes right after it, so it is the whole value).
    if (this.value === '' && !raw && !this.inInline && (this.type === T_NUMBER || this.type === T_SHARED) && t.buf[e + 1] === 47) {
      const n = t.number(s, e);
      if (n === n) {
        this.number = n;
        this.value = null;
        return;
      }
    }
    const piece = t.decode(s, e, raw);
    this.value = this.value === null ? piece : this.value + piece;
  }

  /**
   * A cell in one pass: `<c r s t>` then nothing, `<v>…</v>`, `<is><t>…</t></is>`, each maybe
   * after an `<f>` (what Excel, WPS, LibreOffice and openpyxl write, 15 cells a row). Anything
   * else — a rich-text or phonetic inline string, CDATA, a comment, a prefixed name, a reference
   * the reader must refuse — is declined and read tag by tag, with the same result.
   */
  element(t: XmlTokenizer, lt: number): number {
    if (!this.inSheetData) return ELEMENT_DECLINED;
    const buf = t.buf;
    const len = buf.length;
    let at = this.one(t, lt);
    if (at < 0) return at;
    // Cells, row ends and rows follow one another with nothing between them (as offices write
    // them): read on here rather than back through the tokenizer for each. Whatever this loop
    // does not take (a space, another tag, the buffer's end) is left to the tokenizer at `at`.
    for (;;) {
      if (at + 1 >= len || buf[at] !== LT) return at;
      if (buf[at + 1] === SLASH) {
        if (at + 6 <= len && buf[at + 2] === 114 /* r */ && buf[at + 3] === 111 /* o */ && buf[at + 4] === 119 /* w */ && buf[at + 5] === GT && t.exited(ROW_HASH)) at += 6;
        else return at;
      } else {
        const next = this.one(t, at);
        if (next < 0) return at;
        at = next;
      }
    }
  }

  /** One `<row>` start tag or one cell at buf[lt], as `element` says. */
  private one(t: XmlTokenizer, lt: number): number {
    const buf = t.buf;
    const len = buf.length;
    if (lt + 2 >= len) return ELEMENT_UNFINISHED;
    if (buf[lt + 1] === 114 /* r */) return this.rowTag(t, lt);
    if (buf[lt + 1] !== 99 /* c */ || this.rowIndex === 0) return ELEMENT_DECLINED;
    const plain = this.plainCell(t, lt);
    // The general reading in a method of its own: its first use (a cell cut by the buffer's end)
    // does not throw the optimised code of the common path away.
    return plain >= 0 ? plain : this.cell(t, lt);
  }

  /** A cell at buf[lt] in any of the shapes `element` reads. */
  private cell(t: XmlTokenizer, lt: number): number {
    const buf = t.buf;
    const len = buf.length;
    const attrs = this.tagAttrs;
    let i = startTag(buf, lt + 2, attrs);
    if (i < 0) return i;
    const rS = attrs[0];
    const rE = attrs[1];
    const sS = attrs[2];
    const sE = attrs[3];
    const tS = attrs[4];
    const tE = attrs[5];
    const b = buf[i];
    let textS = -1;
    let textE = -1;
    let inline = false;
    if (b === SLASH) {
      if (i + 1 >= len) return ELEMENT_UNFINISHED;
      if (buf[i + 1] !== GT) return ELEMENT_DECLINED;
      i += 2;
    } else {
      i = skipSpace(buf, i + 1, len);
      // A formula (<f>…</f> or <f …/>) goes before the value; the reader wants its value only.
      if (i + 2 < len && buf[i] === LT && buf[i + 1] === 102 /* f */ && (buf[i + 2] === GT || buf[i + 2] === SP || buf[i + 2] === SLASH)) {
        let gt = i + 2;
        while (gt < len && buf[gt] !== GT && buf[gt] !== LT) gt++;
        if (gt >= len) return ELEMENT_UNFINISHED;
        if (buf[gt] !== GT) return ELEMENT_DECLINED;
        if (buf[gt - 1] === SLASH) i = gt + 1;
        else {
          let end = gt + 1;
          while (end < len && buf[end] !== LT) end++;
          const m = matchAt(buf, end, F_END);
          if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
          i = end + F_END.length;
        }
        i = skipSpace(buf, i, len);
      }
      let m = matchAt(buf, i, V_OPEN);
      if (m === MATCH) {
        textS = i + V_OPEN.length;
        textE = textS;
        while (textE < len && buf[textE] !== LT) textE++;
        m = matchAt(buf, textE, V_END);
        if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
        i = skipSpace(buf, textE + V_END.length, len);
      } else if (m === SHORT) return ELEMENT_UNFINISHED;
      else {
        m = matchAt(buf, i, IS_OPEN);
        if (m === MATCH) {
          inline = true;
          i = skipSpace(buf, i + IS_OPEN.length, len);
          // One run of text, nothing else in the <is>.
          m = textElementAt(buf, i, this.at);
          if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
          textS = this.at[0];
          textE = this.at[1];
          i = skipSpace(buf, this.at[2], len);
          m = matchAt(buf, i, IS_END);
          if (m !== MATCH) return m === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
          i = skipSpace(buf, i + IS_END.length, len);
        } else if (m === SHORT) return ELEMENT_UNFINISHED;
      }
      const m2 = matchAt(buf, i, C_END);
      if (m2 !== MATCH) return m2 === SHORT ? ELEMENT_UNFINISHED : ELEMENT_DECLINED;
      i += C_END.length;
    }
    const col = rS < 0 ? this.col + 1 : columnOf(buf, rS, rE);
    // An impossible reference is refused by the tag-by-tag reader, in its words.
    if (!(col >= 1 && col <= MAX_COLS)) return ELEMENT_DECLINED;
    if (col <= this.col && this.blocks) throw new OutOfOrder();
    this.col = col;
    if (textS < 0) return i;
    const type = tS < 0 ? T_NUMBER : typeOf(t, tS, tE);
    const style = sS < 0 ? 0 : t.uint(sS, sE);
    if (--this.cells.left < 0) t.fail('more cells than the reader takes from one file (see limits.ts)');
    if (!inline && textE > textS && (type === T_NUMBER || type === T_SHARED)) {
      const n = t.number(textS, textE);
      if (n === n) {
        this.type = type;
        this.style = style;
        this.row[col - 1] = this.numberValue(n);
        return i;
      }
    }
    this.row[col - 1] = type === T_SHARED ? this.sharedString(Number(textE > textS ? t.decode(textS, textE, false) : '')) : cellValue(type, textE > textS ? t.decode(textS, textE, false) : '', style, this.dateStyles, this.date1904);
    return i;
  }

  /**
   * `<c r="B3" t="s"><v>14</v></c>`, `<c r="A3"><v>1</v></c>`, `<c r="K3" s="1"><v>42753</v></c>`:
   * the shapes Excel writes nearly every cell in (r, s and t with double quotes, a number or a
   * shared-string index), read with no step to spare. Anything else, or a cell cut by the
   * buffer's end, is -1, and the general reading below decides, as it would have.
   */
  private plainCell(t: XmlTokenizer, lt: number): number {
    const buf = t.buf;
    const len = buf.length;
    let i = lt + 2;
    let rS = -1;
    let rE = -1;
    let style = -1;
    let type = -1;
    // Every read is inside the buffer: one past its end throws the optimised code away.
    while (i + 4 < len && buf[i] === SP) {
      const name = buf[i + 1];
      if (buf[i + 2] !== EQ || buf[i + 3] !== QUOT) return -1;
      const vs = i + 4;
      let ve = vs;
      while (ve < len && buf[ve] !== QUOT) ve++;
      if (ve >= len) return -1;
      if (name === 114 /* r */ && rS < 0) {
        rS = vs;
        rE = ve;
      } else if (name === 116 /* t */ && type < 0 && ve === vs + 1 && (buf[vs] === 115 /* s */ || buf[vs] === 110) /* n */) type = buf[vs];
      else if (name === 115 /* s */ && style < 0) {
        style = t.uint(vs, ve);
        if (!(style >= 0)) return -1;
      } else return -1;
      i = ve + 1;
    }
    if (i + 4 > len || buf[i] !== GT || buf[i + 1] !== LT || buf[i + 2] !== 118 /* v */ || buf[i + 3] !== GT) return -1;
    const textS = i + 4;
    // Digits (a count, an amount, a date's serial, a string's index) are read as they are passed.
    let textE = textS;
    let n = 0;
    for (; textE < len; textE++) {
      const d = buf[textE] - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (textE >= len || buf[textE] !== LT || textE - textS > 15) {
      while (textE < len && buf[textE] !== LT) textE++;
      n = t.number(textS, textE);
    }
    if (textE === textS || textE + 8 > len) return -1;
    if (buf[textE + 1] !== SLASH || buf[textE + 2] !== 118 || buf[textE + 3] !== GT || buf[textE + 4] !== LT || buf[textE + 5] !== SLASH || buf[textE + 6] !== 99 || buf[textE + 7] !== GT) return -1;
    if (n !== n) return -1;
    const col = rS < 0 ? this.col + 1 : columnOf(buf, rS, rE);
    if (!(col >= 1 && col <= MAX_COLS)) return -1;
    if (col <= this.col && this.blocks) throw new OutOfOrder();
    this.col = col;
    if (--this.cells.left < 0) t.fail('more cells than the reader takes from one file (see limits.ts)');
    if (style < 0) style = 0;
    this.row[col - 1] = type === 115 ? this.sharedString(n) : this.isDateStyle(style) ? this.dateOf(n) : n;
    return textE + 8;
  }

  /** Rows read since the last block, and the shared-string cells among them, to `blocks`. */
  private flush(): void {
    const shared = this.shared.slice(0, this.sharedLength);
    this.sharedLength = 0;
    const rows = this.rows;
    this.rows = [];
    this.blocks!.block(this.base, rows, shared);
  }

  /** The shared string at `index`, or (strings held by another thread) the index, listed. */
  private sharedString(index: number): CellValue {
    if (this.strings) return this.strings[index] ?? '';
    if (this.sharedLength + 2 > this.shared.length) {
      const more = new Int32Array(this.shared.length * 2);
      more.set(this.shared);
      this.shared = more;
    }
    this.shared[this.sharedLength++] = this.rowIndex - 1 - this.base;
    this.shared[this.sharedLength++] = this.col - 1;
    return index;
  }

  private startText(): void {
    this.collecting = true;
    if (this.value === null && this.number === null) this.value = '';
  }

  private openRow(t: XmlTokenizer): void {
    const r = t.attrInt('r');
    const index = r === undefined ? this.rowIndex + 1 : r;
    if (!(index >= 1 && index <= MAX_ROWS)) t.fail(`row number ${t.attr('r') ?? index} is outside Excel's 1..${MAX_ROWS}`);
    this.startRow(index, t.selfClosing);
  }

  /**
   * `<row …>` in one pass, as `<c>` is: 100,000 rows through the tag-by-tag reading cost ~30 ms.
   * Anything the tag-by-tag reading would refuse or read another way (a bad or repeated r, a
   * line break between attributes, a prefix) is declined to it.
   */
  private rowTag(t: XmlTokenizer, lt: number): number {
    const buf = t.buf;
    const len = buf.length;
    if (lt + 5 > len) return ELEMENT_UNFINISHED;
    if (buf[lt + 2] !== 111 /* o */ || buf[lt + 3] !== 119 /* w */) return ELEMENT_DECLINED;
    const attrs = this.tagAttrs;
    let i = startTag(buf, lt + 4, attrs);
    if (i < 0) return i;
    const r = attrs[0] < 0 ? -1 : t.uint(attrs[0], attrs[1]);
    if (attrs[0] >= 0 && !(r >= 1 && r <= MAX_ROWS)) return ELEMENT_DECLINED;
    const b = buf[i];
    let selfClosing = false;
    if (b === SLASH) {
      if (i + 1 >= len) return ELEMENT_UNFINISHED;
      if (buf[i + 1] !== GT) return ELEMENT_DECLINED;
      selfClosing = true;
      i++;
    }
    const index = r === -1 ? this.rowIndex + 1 : r;
    if (index > MAX_ROWS) return ELEMENT_DECLINED;
    this.startRow(index, selfClosing);
    if (!selfClosing) t.entered(ROW_HASH);
    return i + 1;
  }

  private startRow(index: number, selfClosing: boolean): void {
    if (this.blocks) {
      if (index <= this.rowIndex) throw new OutOfOrder();
      if (index - 1 - this.base >= BLOCK_ROWS) {
        this.flush();
        this.base = index - 1;
      }
    }
    this.rowIndex = index;
    // A row may be split in two <row> elements with the same number; keep one array.
    this.row = this.rows[index - 1 - this.base] ??= [];
    this.col = 0;
    if (selfClosing) this.row = [];
  }

  private openCell(t: XmlTokenizer): void {
    if (this.rowIndex === 0) t.fail('a cell outside any row');
    const a = t.attrIndex('r');
    const col = a < 0 ? this.col + 1 : columnOf(t.buf, t.attrs[a * 4 + 2], t.attrs[a * 4 + 3]);
    if (!(col >= 1 && col <= MAX_COLS)) t.fail(`cell reference ${t.attr('r') ?? col} is outside Excel's columns A..XFD and rows 1..${MAX_ROWS}`);
    if (col <= this.col && this.blocks) throw new OutOfOrder();
    this.col = col;
    this.type = cellType(t);
    const s = t.attrInt('s');
    this.style = s === undefined ? 0 : s;
    this.value = null;
    this.number = null;
    this.inInline = false;
    this.phonetic = 0;
    this.inCell = !t.selfClosing;
  }

  private closeCell(): void {
    this.inCell = false;
    this.collecting = false;
    this.inInline = false;
    if (this.value === null && this.number === null) return;
    if (--this.cells.left < 0) this.tokenizer.fail('more cells than the reader takes from one file (see limits.ts)');
    this.row[this.col - 1] =
      this.number !== null ? this.numberValue(this.number) : this.type === T_SHARED ? this.sharedString(Number(this.value!)) : cellValue(this.type, this.value!, this.style, this.dateStyles, this.date1904);
    this.value = null;
    this.number = null;
  }

  private numberValue(n: number): CellValue {
    if (this.type === T_SHARED) return this.sharedString(n);
    if (!this.dateStyles.has(this.style)) return n;
    return this.dateOf(n);
  }

  /** The date of serial number n. */
  private dateOf(n: number): CellValue {
    // A ledger's dates repeat (a fortnight of visits over 100,000 rows): one Date per serial,
    // shared by the cells that hold it (nothing changes a cell's value after reading).
    let d = this.dates.get(n);
    if (d === undefined) {
      d = excelDate(n, this.date1904);
      if (this.dates.size >= 10_000) this.dates.clear();
      this.dates.set(n, d);
    }
    return d;
  }
}

/** Date styles flagged in an array up to this index; a style past it (none in a sane file) is looked up in the set. */
const MAX_FLAGGED_STYLES = 65_536;

const T_NUMBER = 'n';
const T_SHARED = 's';

/** The cell's t attribute, as one of the few strings it takes (no new string per cell). */
function cellType(t: XmlTokenizer): string {
  const a = t.attrIndex('t');
  return a < 0 ? T_NUMBER : typeOf(t, t.attrs[a * 4 + 2], t.attrs[a * 4 + 3]);
}

function typeOf(t: XmlTokenizer, s: number, e: number): string {
  const buf = t.buf;
  if (e - s === 1) {
    const c = buf[s];
    if (c === 115) return T_SHARED;
    if (c === 110) return T_NUMBER;
    if (c === 98) return 'b';
    if (c === 101) return 'e';
    if (c === 100) return 'd';
  }
  if (matchAt(buf, s, INLINE_STR) === MATCH && e - s === INLINE_STR.length) return 'inlineStr';
  if (e - s === 3 && buf[s] === 115 && buf[s + 1] === 116 && buf[s + 2] === 114) return 'str';
  return t.decode(s, e, false);
}

/**
 * A start tag's attributes from buf[i] (just past its name) to its `>` or `/`, where it returns;
 * the value ranges of the one-letter attributes r, s and t go to at[0..5] (-1 when absent). The
 * shapes the tag-by-tag reader reads another way or refuses (a line break between attributes,
 * spaces around `=`, an unquoted or repeated r, s or t) are ELEMENT_DECLINED; a tag cut by the
 * buffer's end is ELEMENT_UNFINISHED.
 */
function startTag(buf: Uint8Array, i: number, at: Int32Array): number {
  const len = buf.length;
  let b = buf[i];
  if (b !== SP && b !== GT && b !== SLASH) return ELEMENT_DECLINED;
  // Six stores, not at.fill(-1): a builtin call per cell showed in the cell reader's time.
  at[0] = at[1] = at[2] = at[3] = at[4] = at[5] = -1;
  for (;;) {
    while (i < len && buf[i] === SP) i++;
    if (i >= len) return ELEMENT_UNFINISHED;
    b = buf[i];
    if (b === GT || b === SLASH) return i;
    const an = i;
    while (i < len && buf[i] > SP && buf[i] !== EQ && buf[i] !== GT && buf[i] !== SLASH) i++;
    if (i + 1 >= len) return ELEMENT_UNFINISHED;
    if (buf[i] !== EQ || i === an) return ELEMENT_DECLINED;
    const q = buf[i + 1];
    if (q !== QUOT && q !== APOS) return ELEMENT_DECLINED;
    const vs = i + 2;
    let ve = vs;
    while (ve < len && buf[ve] !== q) ve++;
    if (ve + 1 >= len) return ELEMENT_UNFINISHED;
    if (i - an === 1) {
      const a = buf[an];
      const k = a === 114 /* r */ ? 0 : a === 115 /* s */ ? 2 : a === 116 /* t */ ? 4 : -1;
      if (k >= 0) {
        // A repeated attribute is malformed: the tag-by-tag reader says so.
        if (at[k] >= 0) return ELEMENT_DECLINED;
        at[k] = vs;
        at[k + 1] = ve;
      }
    }
    i = ve + 1;
    b = buf[i];
    if (b !== SP && b !== GT && b !== SLASH) return ELEMENT_DECLINED;
  }
}

/** The tokenizer's hash of the name `row` (see XmlTokenizer.entered). */
const ROW_HASH = XmlTokenizer.nameHash(bytes('row'));
const F_END = bytes('</f>');
const V_OPEN = bytes('<v>');
const V_END = bytes('</v>');
const IS_OPEN = bytes('<is>');
const IS_END = bytes('</is>');
const C_END = bytes('</c>');
const INLINE_STR = bytes('inlineStr');

/** The column of an A1 reference in buf[s..e) (A → 1); -1 past XFD, past row 1,048,576, or if it is not one. Reads at most 3 letters. */
function columnOf(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i];
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (i - s >= 3) return -1;
  }
  if (i === s) return -1;
  if (i < e && buf[i] === 36) i++; // $
  let row = 0;
  for (let k = i; k < e; k++) {
    const d = buf[k] - 48;
    if (d < 0 || d > 9 || k - i >= 7) return -1;
    row = row * 10 + d;
  }
  if (i < e && (row < 1 || row > MAX_ROWS)) return -1;
  return n;
}

function excelDate(n: number, date1904: boolean): CellValue {
  const day = dayFromExcelSerial(n, date1904);
  return day === null ? n : new Date(day * MS_PER_DAY + Math.round((n - Math.floor(n)) * MS_PER_DAY));
}

/** An ISO 8601 date (t="d", as Strict OOXML files carry dates) as the calendar value it names. */
function isoDate(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) {
    const t = Date.parse(text);
    return isNaN(t) ? text : new Date(t);
  }
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms));
}

/** A cell's value from its text, for every type but a shared string's. */
function cellValue(type: string, text: string, style: number, dateStyles: Set<number>, date1904: boolean): CellValue {
  switch (type) {
    case 'inlineStr':
    case 'str':
      return text;
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return { error: text };
    case 'd':
      return isoDate(text);
    default: {
      if (text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return dateStyles.has(style) ? excelDate(n, date1904) : n;
    }
  }
}

/** A sheet's rows from its blocks, shared strings looked up, every row an array (as the reader here gives them). */
export function joinBlocks(blocks: RowBlock[], strings: string[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const b of blocks) {
    const n = b.rows.length;
    for (let i = 0; i < n; i++) rows[b.from + i] = b.rows[i];
    const s = b.shared;
    for (let k = 0; k < s.length; k += 2) {
      const row = rows[b.from + s[k]];
      row[s[k + 1]] = strings[row[s[k + 1]] as number] ?? '';
    }
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return rows;
}

/** Reads a whole worksheet part given as text (tests, small parts). */
export function scanSheet(xml: string, name: string, strings: string[], dateStyles: Set<number>, date1904: boolean): SheetInput {
  const s = new SheetScanner(name, name, strings, dateStyles, date1904);
  s.push(new TextEncoder().encode(xml));
  return s.end();
}
