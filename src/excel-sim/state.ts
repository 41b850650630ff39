import { parseRange, RangeRef } from '../core/address';

/** What the simulated Excel holds: the "document" side of the API boundary. */
export interface SimCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
}

export interface SimTable {
  name: string;
  range: string;
  style: string;
}

export interface SimSeries {
  /** The column of the source range this series draws. */
  values: string;
  name?: string;
  categories?: string;
  fill?: string;
}

export interface SimChart {
  type: string;
  source: string;
  title: string;
  /** One per column of the source (series by columns), as Excel makes them. */
  series: SimSeries[];
  /** The first series' categories (what a one-series chart shows on its axis). */
  categories?: string;
  position?: [string, string];
  categoryAxis: { reversePlotOrder?: boolean; position?: string };
  legend: { position?: string };
}

export interface SimSheet {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<number, SimCell>;
  merges: RangeRef[];
  tables: SimTable[];
  charts: SimChart[];
  customProperties: Map<string, string>;
  names: Map<string, { formula: string; visible: boolean }>;
  frozenRows: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hyperlinks: Map<number, { documentReference?: string; address?: string; textToDisplay?: string }>;
  formats: Map<number, { bold?: boolean; fill?: string; fontColor?: string; wrap?: boolean }>;
  pageLayout: { orientation?: string; paperSize?: string; printTitleRows?: string; fitToWidth?: boolean; fitToHeight?: number };
}

export const COLS = 16_384;
export const key = (row: number, col: number) => row * COLS + col;

export class SimWorkbook {
  sheets: SimSheet[] = [];
  settings = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  private nextId = 1;

  addSheet(name: string): SimSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
    const s: SimSheet = {
      id: this.nextId++,
      name,
      visibility: 'Visible',
      cells: new Map(),
      merges: [],
      tables: [],
      charts: [],
      customProperties: new Map(),
      names: new Map(),
      frozenRows: 0,
      columnWidths: new Map(),
      rowHeights: new Map(),
      hyperlinks: new Map(),
      formats: new Map(),
      pageLayout: {},
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Fills a sheet from a grid (rows of values; null leaves a cell empty), for tests and the playground. */
  static from(sheets: Array<{ name: string; rows: Array<Array<string | number | boolean | null>>; merges?: string[] }>): SimWorkbook {
    const wb = new SimWorkbook();
    for (const s of sheets) {
      const sheet = wb.addSheet(s.name);
      s.rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== '' && sheet.cells.set(key(i + 1, j + 1), { value: v })));
      for (const m of s.merges ?? []) sheet.merges.push(parseRange(m)!);
    }
    return wb;
  }

  /** A deep, comparable copy of a sheet's cells (for "the user's cells did not change"). */
  snapshot(name: string): Array<[number, SimCell]> {
    const s = this.sheet(name);
    return s ? [...s.cells].sort((a, b) => a[0] - b[0]).map(([k, c]) => [k, { ...c }]) : [];
  }
}
