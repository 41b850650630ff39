import { columnNumber, RangeRef } from './address';
import { ColumnKey, DISTINCTIVE, HeaderMatch, matchHeader, SheetKind } from './columns';
import { Grid } from './grid';
import { MoneyUnit } from './read/number';
import { cellText, compact } from './read/text';
import { SheetOverride } from './settings';

/** What the engine understood of one sheet: where the table is and what each column holds. */
export interface Table {
  sheet: string;
  kind: SheetKind;
  headerRows: number[];
  /** Excel column of each recognised key. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Money units from headers such as 金额（万元）. */
  units: Partial<Record<ColumnKey, MoneyUnit>>;
  /** Column numbers written in headers or in a numbering row: (1), (2) … → key. */
  numbered: Record<number, ColumnKey>;
  headerTexts: Record<number, string>;
  unknownHeaders: Array<{ col: number; text: string }>;
  firstDataRow: number;
  lastDataRow: number;
  left: number;
  right: number;
  dataRows: number[];
  blankRows: number[];
  totalsRows: number[];
  reason: { zh: string; en: string };
}

export type Detection =
  | { ok: true; table: Table }
  | { ok: false; empty: boolean; reason: { zh: string; en: string }; bestRow?: number };

const SCAN_ROWS = 40;
const MIN_KEYS = 3;
const FOOTER_RE = /^(填表人|填报人|制表人|审核人|审核|负责人|单位负责人|分管领导|主要领导|填报日期|填表日期|制表日期|报送日期|注[:：]|说明[:：]|备注[:：])/;
const TOTAL_WORDS = new Set(['合计', '总计', '小计', '共计', '总合计', 'total', 'sum']);
const NUMBER_CELL_RE = /^[(（]?(\d{1,2})[)）]?$/;

interface RowMatch {
  byCol: Map<number, HeaderMatch>;
  distinct: number;
}

function matchRow(grid: Grid, row: number, kind: SheetKind): RowMatch {
  const byCol = new Map<number, HeaderMatch>();
  const seen = new Set<ColumnKey>();
  for (let c = grid.left; c <= grid.right; c++) {
    const t = cellText(grid.get(row, c));
    if (t === '' || t.length > 30) continue;
    const m = matchHeader(t, kind);
    if (!m) continue;
    byCol.set(c, m);
    if (DISTINCTIVE[kind].has(m.key)) seen.add(m.key);
  }
  return { byCol, distinct: seen.size };
}

/** A two-row header is drawn with merged cells: a group header over several columns, or a cell spanning both rows. */
function hasHeaderMerge(grid: Grid, row: number): boolean {
  return grid.merges.some(
    (m) => (m.top === row && m.right > m.left) || (m.top === row && m.bottom === row + 1),
  );
}

function combine(upper: RowMatch, lower: RowMatch, kind: SheetKind): RowMatch {
  const byCol = new Map(upper.byCol);
  for (const [c, m] of lower.byCol) byCol.set(c, m);
  const seen = new Set<ColumnKey>();
  for (const m of byCol.values()) if (DISTINCTIVE[kind].has(m.key)) seen.add(m.key);
  return { byCol, distinct: seen.size };
}

interface Candidate {
  rows: number[];
  kind: SheetKind;
  match: RowMatch;
}

function findHeader(grid: Grid, forcedKind?: SheetKind, forcedRow?: number): Candidate | null {
  const kinds: SheetKind[] = forcedKind ? [forcedKind] : ['responsibility', 'aid'];
  let best: Candidate | null = null;
  const first = forcedRow ?? grid.top;
  const last = forcedRow ?? Math.min(grid.bottom, grid.top + SCAN_ROWS);
  for (let r = first; r <= last; r++) {
    for (const kind of kinds) {
      const single = matchRow(grid, r, kind);
      let cand: Candidate = { rows: [r], kind, match: single };
      // A merged title above the header is not a header row: the upper row must itself name
      // columns, and the lower one must add to it.
      if (r + 1 <= grid.bottom && single.distinct >= 2 && hasHeaderMerge(grid, r)) {
        const pair = combine(single, matchRow(grid, r + 1, kind), kind);
        if (pair.distinct > single.distinct) cand = { rows: [r, r + 1], kind, match: pair };
      }
      if (!best || cand.match.distinct > best.match.distinct) best = cand;
    }
  }
  if (!best) return null;
  if (!forcedRow && best.match.distinct < MIN_KEYS) return null;
  return best;
}

/** Columns numbered under the header, (1) (2) (3) or 1 2 3, used by declared equations. */
function numberingRow(grid: Grid, row: number, left: number, right: number): Map<number, number> | null {
  const nums = new Map<number, number>();
  let other = 0;
  for (let c = left; c <= right; c++) {
    const t = compact(cellText(grid.raw(row, c)));
    if (t === '') continue;
    const m = NUMBER_CELL_RE.exec(t);
    if (m) nums.set(c, Number(m[1]));
    else other++;
  }
  if (other > 0 || nums.size < 3) return null;
  const values = [...nums.values()];
  for (let i = 1; i < values.length; i++) if (values[i] <= values[i - 1]) return null;
  return nums;
}

export function isTotalsLabel(text: string): boolean {
  // 合计, 合　计, Total: short texts only, so data rows cost nothing here.
  return text.length <= 8 && TOTAL_WORDS.has(compact(text).toLowerCase());
}

export function detectTable(grid: Grid, override?: SheetOverride): Detection {
  const empty = isEmptySheet(grid);
  if (empty) return { ok: false, empty: true, reason: { zh: '工作表为空', en: 'the sheet is empty' } };
  const forcedKind = override?.kind === 'responsibility' || override?.kind === 'aid' ? override.kind : undefined;
  const cand = findHeader(grid, forcedKind, override?.headerRow);
  if (!cand) {
    return {
      ok: false,
      empty: false,
      reason: { zh: `前 ${SCAN_ROWS} 行中没有找到表头行`, en: `no header row in the first ${SCAN_ROWS} rows` },
    };
  }
  const { rows: headerRows, kind, match } = cand;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const units: Partial<Record<ColumnKey, MoneyUnit>> = {};
  const numbered: Record<number, ColumnKey> = {};
  const headerTexts: Record<number, string> = {};
  for (const [c, m] of [...match.byCol].sort((a, b) => a[0] - b[0])) {
    if (columns[m.key] !== undefined) continue; // the first column with a key wins
    columns[m.key] = c;
    if (m.unit) units[m.key] = m.unit;
    if (m.number !== undefined) numbered[m.number] = m.key;
  }
  for (const [key, letter] of Object.entries(override?.columns ?? {})) {
    columns[key as ColumnKey] = columnNumber(letter);
  }
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
  let firstDataRow = lastHeader + 1;
  const nums = firstDataRow <= grid.bottom ? numberingRow(grid, firstDataRow, left, right) : null;
  if (nums) {
    for (const [c, n] of nums) {
      const key = Object.entries(columns).find(([, col]) => col === c)?.[0] as ColumnKey | undefined;
      if (key) numbered[n] = key;
    }
    firstDataRow++;
  }
  const dataRows: number[] = [];
  const blankRows: number[] = [];
  const totalsRows: number[] = [];
  let pendingBlank: number[] = [];
  let lastDataRow = firstDataRow - 1;
  for (let r = firstDataRow; r <= grid.bottom; r++) {
    const head = firstTexts(grid, r, left, right);
    if (head.length === 0) {
      pendingBlank.push(r);
      continue;
    }
    if (FOOTER_RE.test(compact(head[0]))) break;
    if (head.slice(0, 3).some(isTotalsLabel)) {
      totalsRows.push(r);
      continue;
    }
    blankRows.push(...pendingBlank);
    pendingBlank = [];
    dataRows.push(r);
    lastDataRow = r;
  }
  const found = Object.keys(columns).length;
  const labels = headerRows.length === 2 ? `第 ${headerRows[0]}–${headerRows[1]} 行` : `第 ${headerRows[0]} 行`;
  const labelsEn = headerRows.length === 2 ? `rows ${headerRows[0]}–${headerRows[1]}` : `row ${headerRows[0]}`;
  const kindZh = kind === 'responsibility' ? '目标任务分解表' : '帮扶救助台账';
  const kindEn = kind === 'responsibility' ? 'responsibility table' : 'aid ledger';
  return {
    ok: true,
    table: {
      sheet: grid.name,
      kind,
      headerRows,
      columns,
      units,
      numbered,
      headerTexts,
      unknownHeaders,
      firstDataRow,
      lastDataRow,
      left: Number.isFinite(left) ? left : grid.left,
      right: Number.isFinite(right) ? right : grid.right,
      dataRows,
      blankRows,
      totalsRows,
      reason: {
        zh: `${forcedKind ? '按设置' : '按表头'}识别为${kindZh}：表头在${labels}，识别出 ${found} 列`,
        en: `${forcedKind ? 'set as' : 'recognised as'} a ${kindEn}: header in ${labelsEn}, ${found} columns recognised`,
      },
    },
  };
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

function isEmptySheet(grid: Grid): boolean {
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const v of grid.rowValues(r)) if (cellText(v) !== '') return false;
  }
  return true;
}

export function mergesInRows(grid: Grid, top: number, bottom: number): RangeRef[] {
  return grid.merges.filter((m) => m.bottom >= top && m.top <= bottom);
}
