/**
 * Values by file, sheet and row in nested maps: looking up 100,000 household rows costs three
 * map reads each and builds no key strings.
 */
export class RowIndex<T> {
  private readonly files = new Map<string, Map<string, Map<number, T>>>();

  get(file: string, sheet: string, row: number): T | undefined {
    return this.files.get(file)?.get(sheet)?.get(row);
  }

  /** The rows of one sheet, or undefined when none was set. */
  sheet(file: string, sheet: string): Map<number, T> | undefined {
    return this.files.get(file)?.get(sheet);
  }

  getOrSet(file: string, sheet: string, row: number, make: () => T): T {
    let sheets = this.files.get(file);
    if (!sheets) this.files.set(file, (sheets = new Map()));
    let rows = sheets.get(sheet);
    if (!rows) sheets.set(sheet, (rows = new Map()));
    let v = rows.get(row);
    if (v === undefined) rows.set(row, (v = make()));
    return v;
  }
}
