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
  private readonly fill = new Map<number, CellValue>();

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
    for (const m of sheet.merges ?? []) {
      const r = parseRange(m);
      if (!r || (r.top === r.bottom && r.left === r.right)) continue;
      this.merges.push(r);
      const v = this.raw(r.top, r.left);
      // Huge merges (whole columns) are not worth filling cell by cell.
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > 100_000) continue;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) this.fill.set(key(row, col), v);
    }
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
    if (v !== null || this.fill.size === 0) return v;
    const f = this.fill.get(key(row, col));
    return f === undefined ? null : f;
  }

  /** The raw cells of one row, indexed by Excel column (index 0 unused before `left`). */
  rowValues(row: number): CellValue[] {
    return this.rows[row - this.top] ?? [];
  }

}

function key(row: number, col: number): number {
  return row * 20_000 + col;
}
