import { parseRange, RangeRef } from './address';
import { CellValue, SheetInput } from './workbook';

/**
 * Excel-coordinate access to a sheet's cells. Cells covered by a merged area read as the
 * area's top-left value, which is what a person reading the sheet sees.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: RangeRef[];
  private readonly rows: CellValue[][];
  /**
   * Merged areas by column, each list sorted by top row, clipped to the cells that hold data:
   * a merge spanning whole columns costs what the sheet's data costs, not a million cells.
   */
  private readonly mergesByCol = new Map<number, RangeRef[]>();

  constructor(sheet: SheetInput) {
    this.name = sheet.name;
    this.rows = sheet.rows;
    this.top = sheet.origin?.row ?? 1;
    this.left = sheet.origin?.col ?? 1;
    let width = 0;
    for (const r of sheet.rows) if (r && r.length > width) width = r.length;
    this.bottom = this.top + sheet.rows.length - 1;
    this.right = this.left + Math.max(width, 1) - 1;
    this.merges = [];
    let indexed = 0;
    for (const m of sheet.merges ?? []) {
      const r = parseRange(m);
      if (!r || (r.top === r.bottom && r.left === r.right)) continue;
      this.merges.push(r);
      const from = Math.max(r.left, this.left);
      const to = Math.min(r.right, this.right);
      // Outside the data, or past a budget no real sheet reaches: the area still counts as merged, its cells read as stored.
      if (r.top > this.bottom || r.bottom < this.top || from > to || indexed + (to - from + 1) > MERGE_INDEX_BUDGET) continue;
      indexed += to - from + 1;
      for (let col = from; col <= to; col++) {
        let list = this.mergesByCol.get(col);
        if (!list) this.mergesByCol.set(col, (list = []));
        list.push(r);
      }
    }
    for (const list of this.mergesByCol.values()) list.sort((a, b) => a.top - b.top);
  }

  /** The value stored in the cell itself. */
  raw(row: number, col: number): CellValue {
    const r = this.rows[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The value a reader sees: merged areas repeat their top-left value. */
  get(row: number, col: number): CellValue {
    const v = this.raw(row, col);
    if (v !== null || this.mergesByCol.size === 0) return v;
    const list = this.mergesByCol.get(col);
    if (!list) return null;
    // The last merge starting at or above the row (Excel's merges never overlap).
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].top <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const m = list[found];
    if (m.bottom < row || (m.top === row && m.left === col)) return null;
    return this.raw(m.top, m.left);
  }

  /** The raw cells of one row, indexed by Excel column (index 0 unused before `left`). */
  rowValues(row: number): CellValue[] {
    return this.rows[row - this.top] ?? [];
  }

}

/** Column entries of the merge index (a merge counts once per column it covers). */
const MERGE_INDEX_BUDGET = 4_000_000;
