import { columnNumber, RangeRef } from './address';
import { ColumnKey, HeaderMatch, matchHeader } from './columns';
import { Grid } from './grid';
import type { AnyKind, DetectContext, KindCandidate } from './kind';
import { MoneyUnit } from './read/number';
import { cellText, compact } from './read/text';
import { parseSettings, Settings, SheetOverride } from './settings';
import type { CellValue } from './workbook';

/** A section row (一、组织领导（15分）): it names the rows below it and may state their points. */
export interface Section {
  row: number;
  /** 1 for 一、, 2 for （一）, 3 below that. */
  level: number;
  /** The text as written: 二、宣传教育（20分）. */
  label: string;
  /** The name without its number and points: 宣传教育. */
  name: string;
  /** Points the label (or the 分值 cell of the row) states, else null. */
  points: number | null;
  /** The cell holding the label (or the points). */
  col: number;
  pointsCol: number | null;
}


/** What the engine understood of one sheet: where the table is and what each column holds. */
export interface Table {
  sheet: string;
  /** The id of the kind that read it. */
  kind: string;
  /** One of the kind's layouts: tasks / scoring (responsibility), ledger / summary (aid) … */
  layout: string;
  headerRows: number[];
  /** The 栏次 row under the header (甲 乙 丙 1 2 3 / (1) (2) …), part of the header. */
  stubRow: number | null;
  /** Excel column of each recognised key. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Money units from headers such as 金额（万元） or from a title line 「（单位：万元）」. */
  units: Partial<Record<ColumnKey, MoneyUnit>>;
  /** Where a unit for the columns without their own came from: the title line and row. */
  unitSource: { unit: MoneyUnit; row: number; text: string } | null;
  /** A year stated in the title lines (2017年春节…), for year-less dates. */
  titleYear: number | null;
  /** Column numbers written in headers or in a numbering row: (1), (2) … → key. */
  numbered: Record<number, ColumnKey>;
  headerTexts: Record<number, string>;
  unknownHeaders: Array<{ col: number; text: string }>;
  firstDataRow: number;
  lastDataRow: number;
  left: number;
  right: number;
  dataRows: number[];
  /** For each data row (same index), the section it sits in (index into `sections`), or -1. */
  dataSection: number[];
  sections: Section[];
  blankRows: number[];
  /** Rows that close the whole table: 合计, 总计, 全县合计. */
  totalsRows: number[];
  /** Rows that close a group: 小计, 东街村小计, 本村合计, 本页小计. */
  subtotalRows: number[];
  reason: { zh: string; en: string };
}

export type Detection =
  | { ok: true; table: Table; kind: AnyKind }
  | { ok: false; empty: boolean; reason: { zh: string; en: string }; bestRow?: number };

const SCAN_ROWS = 40;
const MIN_KEYS = 3;
const MAX_HEADER_ROWS = 3;
const FOOTER_RE = /^(填表人|填报人|制表人|审核人|审核|审批人|负责人|单位负责人|分管领导|主要领导|填报日期|填表日期|制表日期|报送日期|以下空白|以下无内容|以下无数据|此页以下空白|考核组成员|考核组|考核人|评分人|签字|联系人|联系电话|经办人[:：]|注\d?[:：]|说明[:：]|备注[:：]|填报说明|填表说明)/;
/** A signature line that starts with its unit: 自评单位（盖章）：… 填表人：…, 被考核单位负责人签字：. */
const FOOTER_ANYWHERE = /(填表人|填报人|制表人|审核人|经办人|联系人|联系电话|盖章|签字|签名)[:：]/;
const NUMBER_CELL_RE = /^[(（]?(\d{1,2})[)）]?$/;
const STUB_EQUATION_RE = /^[(（]?(\d{1,2})[)）]?=[\d()（）+\-×*/=]+$/;
const STUB_LETTER_RE = /^[甲乙丙丁戊己庚辛壬癸]$/;
const STUB_LABEL_RE = /^(栏次|栏目|栏号|列次)$/;
const TOTAL_RE = /^(.{0,10}?)(小计|合计|总计|共计|总合计|累计)[:：]?$/;
/** 合计（6户）, 小计：3户, 合计 8户: the count a clerk writes beside the closing word. */
const TOTAL_COUNT_RE = /[(（:：]?共?\d+(户|人|项|个|条)[)）]?$/;
const GRAND_PREFIX = /^(|总|全县|全市|全区|全镇|全乡|全街道|全旗|全部|累计|所有)$/;
const CN_NUM = '一二三四五六七八九十百';
const SECTION_L1 = new RegExp(`^(第[${CN_NUM}]+(?:部分|章|项|类|节|部)|[${CN_NUM}]+[、.．，,])`);
const SECTION_L2 = new RegExp(`^[(（][${CN_NUM}]+[)）]`);
const SECTION_ROMAN = /^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+([—\-－]?\d*)?[、.．]?/;
const BARE_NUM = new RegExp(`^[${CN_NUM}]+$`);
const POINTS_RE = /[(（](\d+(?:\.\d+)?)分[)）]/;
/** 单位：万元, 金额单位：万元, 单位：户、人、万元 (the money unit anywhere in the statement), 单位：元. */
function unitStated(text: string): MoneyUnit | null {
  if (/单位[:：][^，。;；]*万元/.test(text)) return '万元';
  // （金额：万元）, or a title ending in （万元）
  if (/金额[:：]万元/.test(text) || /[(（]万元[)）]$/.test(text)) return '万元';
  if (/单位[:：]?[(（]?元/.test(text) || /单位[:：][^，。;；]*[、,，]元/.test(text)) return '元';
  return null;
}
const YEAR_RE = /((?:19|20)\d{2})\s*年/;

interface RowMatch {
  byCol: Map<number, HeaderMatch>;
  distinct: number;
}

/** 填报单位：东阿县… 金额单位：万元: a line that states values, never a header cell. */
const LABELLED_VALUE = /^[^（(:：]{1,12}[:：]\s*\S/;

function matchRow(grid: Grid, row: number, kind: AnyKind): RowMatch {
  const byCol = new Map<number, HeaderMatch>();
  const seen = new Set<ColumnKey>();
  for (let c = grid.left; c <= grid.right; c++) {
    const t = cellText(grid.get(row, c));
    if (t === '' || t.length > 30 || LABELLED_VALUE.test(t)) continue;
    const m = matchHeader(t, kind.columns);
    if (!m) continue;
    byCol.set(c, m);
    if (kind.columns[m.key].distinctive) seen.add(m.key);
  }
  return { byCol, distinct: seen.size };
}

/** Lower header rows name the sub-columns of a group: their match wins over the group's. */
function combine(upper: RowMatch, lower: RowMatch, kind: AnyKind): RowMatch {
  const byCol = new Map(upper.byCol);
  for (const [c, m] of lower.byCol) byCol.set(c, m);
  const seen = new Set<ColumnKey>();
  for (const m of byCol.values()) if (kind.columns[m.key].distinctive) seen.add(m.key);
  return { byCol, distinct: seen.size };
}

/**
 * Whether `row` continues the header above it: its own cells are header words (most of them
 * match a column), and at least one sits under a group (an empty or merged cell above, or a
 * group word such as 责任分工 that names no column).
 */
function continuesHeader(grid: Grid, row: number, above: number, lower: RowMatch, kinds: readonly AnyKind[]): boolean {
  if (lower.byCol.size === 0) return false;
  let filled = 0;
  let matched = 0;
  let underGroup = false;
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.raw(row, c);
    const t = cellText(v);
    if (t === '') continue;
    if (typeof v === 'number' || v instanceof Date) return false;
    filled++;
    if (lower.byCol.has(c)) matched++;
    const up = grid.raw(above, c);
    if (cellText(up) === '' || grid.merges.some((m) => m.top <= above && m.bottom >= above && m.left <= c && m.right >= c && m.right > m.left)) underGroup = true;
    else if (!kinds.some((k) => matchHeader(cellText(up), k.columns))) underGroup = true;
  }
  return underGroup && matched * 2 >= filled;
}

interface Candidate {
  rows: number[];
  match: RowMatch;
}

/** The best header of one kind: the most distinct keys, the earliest row on a tie. */
function findHeader(grid: Grid, kind: AnyKind, kinds: readonly AnyKind[], forcedRow?: number): Candidate | null {
  let best: Candidate | null = null;
  const first = forcedRow ?? grid.top;
  const last = forcedRow ?? Math.min(grid.bottom, grid.top + SCAN_ROWS);
  for (let r = first; r <= last; r++) {
    const single = matchRow(grid, r, kind);
    let cand: Candidate = { rows: [r], match: single };
    // Up to three header rows: groups over sub-columns (责任分工 → 责任单位 → 牵头单位).
    // A title above the header (one merged cell, 目标任务分解表) is never a header row.
    if (single.byCol.size > 0 && filledCells(grid, r) >= 2) {
      for (let next = r + 1; next <= grid.bottom && next < r + MAX_HEADER_ROWS; next++) {
        const lower = matchRow(grid, next, kind);
        if (!continuesHeader(grid, next, next - 1, lower, kinds)) break;
        cand = { rows: [...cand.rows, next], match: combine(cand.match, lower, kind) };
      }
    }
    if (!best || cand.match.distinct > best.match.distinct) best = cand;
  }
  if (!best) return null;
  if (!forcedRow && best.match.distinct < MIN_KEYS) return null;
  return best;
}

/**
 * The 栏次 row under the header: 甲 乙 丙 1 2 3 … or (1) (2) (3) …, with 栏次 as its label.
 * Returns the numbers by column (letters number nothing), or null when the row is not one.
 */
function stubRow(grid: Grid, row: number, left: number, right: number): Map<number, number> | null {
  const nums = new Map<number, number>();
  let letters = 0;
  for (let c = left; c <= right; c++) {
    const t = compact(cellText(grid.raw(row, c)));
    if (t === '') continue;
    // 4=2+3 or (4)=(2)+(3): the column's number, with the form's own equation after it.
    const m = NUMBER_CELL_RE.exec(t) ?? STUB_EQUATION_RE.exec(t);
    if (m) nums.set(c, Number(m[1]));
    else if (STUB_LETTER_RE.test(t)) letters++;
    else if (!STUB_LABEL_RE.test(t)) return null;
  }
  if (nums.size + letters < 3 || nums.size === 0) return null;
  const values = [...nums.values()];
  for (let i = 1; i < values.length; i++) if (values[i] <= values[i - 1]) return null;
  return nums;
}

export type TotalsLabel = 'total' | 'subtotal' | 'running' | null;

/** 合计 / 总计 / 全县合计 close the table; 小计, 东街村小计, 本村合计, 本页小计 close a group. */
export function totalsLabel(text: string): TotalsLabel {
  if (text.length > 20) return null;
  const m = TOTAL_RE.exec(compact(text).toLowerCase().replace(TOTAL_COUNT_RE, ''));
  if (!m) {
    const t = compact(text).toLowerCase();
    return t === 'total' || t === 'sum' ? 'total' : t === 'subtotal' ? 'subtotal' : null;
  }
  if (m[2] === '小计') return 'subtotal';
  // 累计 / 本页累计 is a running total since the first page: neither data nor its page's subtotal.
  if (m[2] === '累计') return 'running';
  return GRAND_PREFIX.test(m[1]) ? 'total' : 'subtotal';
}

export function isTotalsLabel(text: string): boolean {
  return totalsLabel(text) !== null;
}

/** Section level of a label (一、 → 1, （一） → 2), or 0 when it is no section label. */
function sectionLevel(label: string): number {
  if (SECTION_L1.test(label)) return 1;
  if (SECTION_L2.test(label)) return 2;
  if (SECTION_ROMAN.test(label) && /^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]/.test(label)) return 1;
  return 0;
}

function sectionName(label: string): string {
  return compact(label)
    .replace(SECTION_L1, '')
    .replace(SECTION_L2, '')
    .replace(/^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+([—\-－]?\d*)?[、.．]?/, '')
    .replace(POINTS_RE, '')
    .replace(/[:：]$/, '')
    .trim();
}

/**
 * Which kind `grid` is and its table: every kind's `detect`, the highest score winning (ties:
 * the earlier header row, then the kinds' order). A settings override may name the kind.
 */
export function detectSheet(grid: Grid, kinds: readonly AnyKind[], override?: SheetOverride, settings: Settings = parseSettings({})): Detection {
  const empty = isEmptySheet(grid);
  if (empty) return { ok: false, empty: true, reason: { zh: '工作表为空', en: 'the sheet is empty' } };
  const asked = override?.kind !== undefined && override.kind !== 'skip' ? kinds.filter((k) => k.id === override.kind) : kinds;
  const ctx: DetectContext = { override, settings, kinds };
  let best: { kind: AnyKind; cand: KindCandidate } | null = null;
  for (const kind of asked) {
    const cand = kind.detect(grid, ctx);
    if (cand && (!best || cand.score > best.cand.score || (cand.score === best.cand.score && cand.row < best.cand.row))) best = { kind, cand };
  }
  if (!best) {
    return {
      ok: false,
      empty: false,
      reason: { zh: `前 ${SCAN_ROWS} 行中没有找到表头行`, en: `no header row in the first ${SCAN_ROWS} rows` },
    };
  }
  return { ok: true, table: best.cand.read(), kind: best.kind };
}

/** What a kind laid out as header rows over data rows adds to the shared reading of its table. */
export interface HeaderTableOptions {
  /** Its layout (tasks / scoring, ledger / summary) from the columns found. */
  layoutOf(columns: Partial<Record<ColumnKey, number>>, grid: Grid): string;
  /** Fills a column from another when the sheet lacks it (责任领导 as 责任人 when no 具体责任人). */
  fillColumns?(columns: Partial<Record<ColumnKey, number>>): void;
}

/** A kind's header table in `grid`: its best header (distinct keys as the score), read on demand. */
export function detectHeaderTable(grid: Grid, kind: AnyKind, ctx: DetectContext, options: HeaderTableOptions): KindCandidate | null {
  const cand = findHeader(grid, kind, ctx.kinds, ctx.override?.headerRow);
  if (!cand) return null;
  return { score: cand.match.distinct, row: cand.rows[0], read: () => readHeaderTable(grid, kind, cand, ctx.override, options) };
}

function readHeaderTable(grid: Grid, kind: AnyKind, cand: Candidate, override: SheetOverride | undefined, options: HeaderTableOptions): Table {
  const forced = override?.kind === kind.id;
  const kindColumns = kind.columns;
  const keysWith = (flag: 'substance' | 'rowLabel' | 'money') => Object.keys(kindColumns).filter((k) => kindColumns[k][flag]);
  const { rows: headerRows, match } = cand;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const units: Partial<Record<ColumnKey, MoneyUnit>> = {};
  const numbered: Record<number, ColumnKey> = {};
  const headerTexts: Record<number, string> = {};
  const keyed = new Map<number, ColumnKey>();
  for (const [c, m] of [...match.byCol].sort((a, b) => a[0] - b[0])) {
    if (columns[m.key] !== undefined) continue; // the first column with a key wins
    columns[m.key] = c;
    keyed.set(c, m.key);
    if (m.unit) units[m.key] = m.unit;
    if (m.number !== undefined) numbered[m.number] = m.key;
  }
  for (const [key, letter] of Object.entries(override?.columns ?? {})) {
    columns[key as ColumnKey] = columnNumber(letter);
  }
  options.fillColumns?.(columns);
  const lastHeader = headerRows[headerRows.length - 1];
  let left = Infinity;
  let right = -Infinity;
  const unknownHeaders: Array<{ col: number; text: string }> = [];
  for (let c = grid.left; c <= grid.right; c++) {
    const texts = headerRows.map((r) => cellText(grid.get(r, c))).filter((t) => t !== '');
    if (texts.length === 0) continue;
    left = Math.min(left, c);
    right = Math.max(right, c);
    headerTexts[c] = [...new Set(texts)].join(' / ');
    if (!match.byCol.has(c)) unknownHeaders.push({ col: c, text: headerTexts[c] });
  }
  if (!Number.isFinite(left)) {
    left = grid.left;
    right = grid.right;
  }

  // Title lines: a unit for every money column without its own, and the year of the campaign.
  let unitSource: Table['unitSource'] = null;
  let titleYear: number | null = null;
  for (let r = grid.top; r < headerRows[0]; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const t = cellText(grid.raw(r, c));
      if (t === '') continue;
      const u = unitStated(compact(t));
      if (u && !unitSource) unitSource = { unit: u, row: r, text: t.trim() };
      // 填报日期：2018年1月5日 says when the form was filled, not which year it is about.
      const y = /^(填报|填表|制表|报送|打印)(日期|时间)/.test(compact(t)) ? null : YEAR_RE.exec(t);
      if (y && titleYear === null) titleYear = Number(y[1]);
    }
  }
  if (unitSource) for (const k of keysWith('money')) if (columns[k] !== undefined && !units[k]) units[k] = unitSource.unit;

  let firstDataRow = lastHeader + 1;
  let stub: number | null = null;
  // The 栏次 row, visible or hidden, sits right under the header (rarely one row lower).
  for (let r = firstDataRow; r <= Math.min(grid.bottom, lastHeader + 2); r++) {
    const nums = stubRow(grid, r, left, right);
    if (!nums) {
      if (firstTexts(grid, r, left, right).length > 0) break;
      continue;
    }
    for (const [c, n] of nums) {
      const key = keyed.get(c) ?? (Object.entries(columns).find(([, col]) => col === c)?.[0] as ColumnKey | undefined);
      if (key) numbered[n] = key;
    }
    stub = r;
    firstDataRow = r + 1;
    break;
  }

  const substance = keysWith('substance').map((k) => columns[k]).filter((c): c is number => c !== undefined);
  const labelCols = [...new Set(keysWith('rowLabel').map((k) => columns[k]).filter((c): c is number => c !== undefined))].sort((a, b) => a - b);
  const headerWords = new Set<string>();
  for (const r of headerRows) for (let c = left; c <= right; c++) {
    const t = compact(cellText(grid.raw(r, c)));
    if (t !== '') headerWords.add(t);
  }
  const { dataRows, dataSection, sections, blankRows, totalsRows, subtotalRows, lastDataRow } = readBody(grid, {
    firstDataRow,
    left,
    right,
    stub,
    substance,
    labelCols,
    seqCol: columns.seq,
    pointsCol: columns.maxScore ?? null,
    headerWords,
  });

  const layout = options.layoutOf(columns, grid);

  const found = Object.keys(columns).length;
  const table: Table = {
    sheet: grid.name,
    kind: kind.id,
    layout,
    headerRows,
    stubRow: stub,
    columns,
    units,
    unitSource,
    titleYear,
    numbered,
    headerTexts,
    unknownHeaders,
    firstDataRow,
    lastDataRow,
    left,
    right,
    dataRows,
    dataSection,
    sections,
    blankRows,
    totalsRows,
    subtotalRows,
    reason: { zh: '', en: '' },
  };
  table.reason = describe(table, kind.layouts[layout].name, found, forced);
  return table;
}

interface BodyLayout {
  firstDataRow: number;
  left: number;
  right: number;
  /** The 栏次 row, when the header has one (a page's repeated header repeats it too). */
  stub: number | null;
  substance: number[];
  labelCols: number[];
  seqCol: number | undefined;
  pointsCol: number | null;
  /** The header rows' texts, compacted: a header printed again on a later page is no data. */
  headerWords: Set<string>;
}

/** What readBody finds under the header: these fields of the Table. */
type Body = Pick<Table, 'dataRows' | 'dataSection' | 'sections' | 'blankRows' | 'totalsRows' | 'subtotalRows' | 'lastDataRow'>;

/**
 * Every row under the header: data, blank, section, 小计 / 合计, a repeated header, or the footer
 * that ends the table. A function of its own, for speed: inside readHeaderTable the loop over
 * 100,000 rows made that big function hot, and V8 optimised all of it again for every tab
 * (about 180 ms of compiler time per compilation on the 10-tab ledger, on a 2-core machine
 * shared with the check). Numbers (a 序号 cell) are looked at as numbers: no text is made of
 * them, as none can be a footer, a closing word or a section label.
 */
function readBody(grid: Grid, b: BodyLayout): Body {
  const { left, right, substance, labelCols, headerWords } = b;
  const dataRows: number[] = [];
  const dataSection: number[] = [];
  const sections: Section[] = [];
  const blankRows: number[] = [];
  const totalsRows: number[] = [];
  const subtotalRows: number[] = [];
  let pendingBlank: number[] = [];
  let lastDataRow = b.firstDataRow - 1;
  // The open section at each level; a data row belongs to the innermost.
  const open: number[] = [];
  // A number typed in the first cells matches a header word only if the header has one such word.
  const numericWords = new Set<number>();
  for (const w of headerWords) if (String(Number(w)) === w) numericWords.add(Number(w));
  const head: Array<string | number> = [];
  const texts: string[] = [];
  for (let r = b.firstDataRow; r <= grid.bottom; r++) {
    const raw = grid.rowValues(r);
    const n = firstCells(raw, left - grid.left, right - grid.left, head);
    if (n === 0) {
      pendingBlank.push(r);
      continue;
    }
    const h0 = head[0];
    // A number is never a footer word (填表人：…), so only a text first cell can end the table.
    const first = typeof h0 === 'number' ? null : compact(h0);
    if (first !== null && (FOOTER_RE.test(first) || (n <= 2 && FOOTER_ANYWHERE.test(first)))) break;
    // The header printed again on a later page (序号 | 户主姓名 | …), and its 栏次 row: not data.
    if (n >= 2 && isHeaderWord(h0, first, headerWords, numericWords) && isHeaderWord(head[1], null, headerWords, numericWords)) {
      if (b.stub !== null && r + 1 <= grid.bottom && stubRow(grid, r + 1, left, right)) r++;
      continue;
    }
    const closing = closingLabel(grid, r, head, n, labelCols);
    if (closing === 'running') continue;
    if (closing) {
      (closing === 'total' ? totalsRows : subtotalRows).push(r);
      // A subtotal ends its group; rows after it start a new one within the same section.
      continue;
    }
    // A row with a substance cell filled (most rows) is data: no section label is looked for.
    const sec = (n < 3 || substance.length > 0) && !substanceFilled(raw, substance, grid.left) ? sectionOf(grid, r, textsOf(head, n, texts), substance, b.seqCol, b.pointsCol, left, right, raw) : null;
    if (sec) {
      for (const x of pendingBlank) blankRows.push(x);
      pendingBlank = [];
      while (open.length > 0 && sections[open[open.length - 1]].level >= sec.level) open.pop();
      sections.push(sec);
      open.push(sections.length - 1);
      continue;
    }
    for (const x of pendingBlank) blankRows.push(x); // no spread: a stray value 10⁵ rows down would overflow the stack
    pendingBlank = [];
    dataRows.push(r);
    dataSection.push(open.length > 0 ? open[open.length - 1] : -1);
    lastDataRow = r;
  }
  return { dataRows, dataSection, sections, blankRows, totalsRows, subtotalRows, lastDataRow };
}

/**
 * The first (up to) three cells of raw[from..to] that show something, into out[0..n): a number as
 * itself, anything else as its text (cellText). Returns n; what `out` holds past it is stale (its
 * length is not set: a length store per row went through V8's runtime, ~2 ms on 100,000 rows).
 */
function firstCells(raw: CellValue[], from: number, to: number, out: Array<string | number>): number {
  let n = 0;
  for (let i = from; i <= to && n < 3; i++) {
    const v = raw[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      out[n++] = v;
      continue;
    }
    const t = typeof v === 'string' ? v.trim() : cellText(v);
    if (t !== '') out[n++] = t;
  }
  return n;
}

/** Whether a first cell's text is one of the header's (a number: as String(number) would be). */
function isHeaderWord(v: string | number, compacted: string | null, words: Set<string>, numericWords: Set<number>): boolean {
  if (typeof v === 'number') return numericWords.size > 0 && numericWords.has(v);
  return words.has(compacted ?? compact(v));
}

/** Whether any substance cell holds a number or shows a text (sectionOf's own first test). */
function substanceFilled(raw: CellValue[], substance: number[], base: number): boolean {
  for (const c of substance) {
    const v = raw[c - base];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' || (typeof v === 'string' ? v.trim() !== '' : cellText(v) !== '')) return true;
  }
  return false;
}

/** The first n cells as the texts sectionOf reads (a number as String(number), as cellText gives it). */
function textsOf(head: Array<string | number>, n: number, out: string[]): string[] {
  out.length = 0;
  for (let i = 0; i < n; i++) out.push(typeof head[i] === 'number' ? String(head[i]) : (head[i] as string));
  return out;
}

/** The row's closing word (合计 / 小计) in one of its first n cells or in any label column. */
function closingLabel(grid: Grid, row: number, head: ReadonlyArray<string | number>, n: number, labelCols: number[]): TotalsLabel {
  // Every closing word has 计 in it (or is English): a data row's cells are looked at character
  // by character, in the loop itself (an includes() call per cell cost more than the search).
  // A number (String(n): digits, '.', 'e', NaN, Infinity) is neither.
  for (let i = 0; i < n; i++) {
    const t = head[i];
    if (typeof t !== 'string' || t.length > 20) continue;
    const marks = closingMarks(t);
    if ((marks & JI) !== 0 || ((marks & LATIN) !== 0 && ENGLISH_TOTAL.test(t))) {
      const k = totalsLabel(t);
      if (k) return k;
    }
  }
  for (const c of labelCols) {
    const v = grid.raw(row, c);
    if (typeof v !== 'string' || v.length > 20 || (closingMarks(v) & JI) === 0) continue;
    const k = totalsLabel(v);
    if (k) return k;
  }
  return null;
}
const ENGLISH_TOTAL = /^\s*(sub)?total|sum\s*$/i;

const JI = 1;
const LATIN = 2;
/** Whether a text has 计 (JI) and whether it has an ASCII letter (LATIN: Total, SUM). */
function closingMarks(t: string): number {
  let marks = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x8ba1) marks |= JI;
    else if (((c | 32) >= 97 && (c | 32) <= 122)) marks |= LATIN;
  }
  return marks;
}

/**
 * A section row: a numbered label (一、 / （二） / 二、宣传教育（20分）, or a bare 一 in the 一级
 * column beside its name) with every substance column empty; or one label merged across the row.
 */
function sectionOf(grid: Grid, row: number, head: string[], substance: number[], seqCol: number | undefined, pointsCol: number | null, left: number, right: number, raw: unknown[]): Section | null {
  for (const c of substance) {
    const v = raw[c - grid.left];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' || (typeof v === 'string' ? v.trim() !== '' : cellText(v as never) !== '')) return null;
  }
  const first = compact(head[0]);
  let level = sectionLevel(first);
  let label = head[0];
  if (level === 0 && BARE_NUM.test(first) && head.length >= 2) {
    // 一 | 组织领导（15分）: the 一级 column numbers the section, the next cell names it.
    level = seqCol !== undefined && cellText(grid.raw(row, seqCol)) === '' ? 2 : 1;
    label = `${first}、${head[1]}`;
  }
  let col = left;
  for (let c = left; c <= right; c++) {
    if (cellText(grid.raw(row, c)) !== '') {
      col = c;
      break;
    }
  }
  if (level === 0) {
    // One text merged across most of the row: 东街村, 一、… without a number still names a group.
    if (head.length !== 1 || /^\d/.test(first)) return null;
    const merged = grid.merges.find((m) => m.top === row && m.left === col && m.right - m.left + 1 >= Math.max(3, Math.ceil((right - left + 1) / 2)));
    if (!merged) return null;
    level = 1;
  }
  let points: number | null = null;
  let at: number | null = null;
  const stated = POINTS_RE.exec(label) ?? (head.length > 1 ? POINTS_RE.exec(head.slice(1).join('')) : null);
  if (stated) {
    points = Number(stated[1]);
    at = col;
  } else if (pointsCol !== null) {
    const v = grid.raw(row, pointsCol);
    if (typeof v === 'number' && Number.isFinite(v)) {
      points = v;
      at = pointsCol;
    }
  }
  // Ⅰ | 公共卫生服务: a numbering alone in its cell takes its name from the next one.
  const name = sectionName(label) || (head.length >= 2 ? sectionName(head[1]) : '') || label.trim();
  return { row, level, label: label.trim(), name, points, col, pointsCol: at };
}

function describe(t: Table, name: { zh: string; en: string }, found: number, forced: boolean): { zh: string; en: string } {
  const h = t.headerRows;
  const rows = h.length > 1 ? `第 ${h[0]}–${h[h.length - 1]} 行（${h.length} 行表头）` : `第 ${h[0]} 行`;
  const rowsEn = h.length > 1 ? `rows ${h[0]}–${h[h.length - 1]} (${h.length} header rows)` : `row ${h[0]}`;
  const zh: string[] = [`${forced ? '按设置' : '按表头'}识别为${name.zh}：表头在${rows}`];
  const en: string[] = [`${forced ? 'set as' : 'recognised as'} a ${name.en}: header in ${rowsEn}`];
  if (t.stubRow !== null) {
    zh.push(`栏次行第 ${t.stubRow} 行`);
    en.push(`column-number row ${t.stubRow}`);
  }
  if (t.sections.length > 0) {
    zh.push(`${t.sections.length} 个分节（${t.sections.slice(0, 3).map((s) => s.name).join('、')}${t.sections.length > 3 ? '…' : ''}）`);
    en.push(`${t.sections.length} sections`);
  }
  if (t.subtotalRows.length > 0) {
    zh.push(`${t.subtotalRows.length} 个小计行`);
    en.push(`${t.subtotalRows.length} subtotal rows`);
  }
  if (t.totalsRows.length > 0) {
    zh.push(`合计行第 ${t.totalsRows.join('、')} 行`);
    en.push(`totals row ${t.totalsRows.join(', ')}`);
  }
  if (t.unitSource) {
    zh.push(`金额单位${t.unitSource.unit}（据第 ${t.unitSource.row} 行“${t.unitSource.text}”）`);
    en.push(`money in ${t.unitSource.unit === '万元' ? '10,000 yuan' : 'yuan'} (from row ${t.unitSource.row}: "${t.unitSource.text}")`);
  } else if (Object.values(t.units).includes('万元')) {
    zh.push('金额单位万元（据表头）');
    en.push('money in 10,000 yuan (from the header)');
  }
  zh.push(`识别出 ${found} 列`);
  en.push(`${found} columns recognised`);
  return { zh: zh.join('，'), en: en.join(', ') };
}

function firstTexts(grid: Grid, row: number, left: number, right: number): string[] {
  const out: string[] = [];
  const values = grid.rowValues(row);
  const base = grid.left;
  for (let c = left; c <= right; c++) {
    const v = values[c - base];
    if (v === null || v === undefined) continue;
    const t = cellText(v);
    if (t !== '') {
      out.push(t);
      if (out.length >= 3) break;
    }
  }
  return out;
}

function filledCells(grid: Grid, row: number): number {
  let n = 0;
  for (const v of grid.rowValues(row)) if (v !== null && v !== undefined && cellText(v) !== '') n++;
  return n;
}

function isEmptySheet(grid: Grid): boolean {
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const v of grid.rowValues(r)) if (cellText(v) !== '') return false;
  }
  return true;
}

export function mergesInRows(grid: Grid, top: number, bottom: number): RangeRef[] {
  return grid.merges.filter((m) => m.bottom >= top && m.top <= bottom);
}
