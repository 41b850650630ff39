import type { CheckResultBase } from '../engine';
import type { Lang } from '../lang';

/**
 * A summary tab described once, written by every host (the .xlsx writer, Office.js):
 * row 1 title, row 2 subtitle, row 3 the header, data from row 4, as an Excel table.
 */
export type NumberFormatKey = 'text' | 'integer' | 'number' | 'percent' | 'yuan' | 'wanyuan' | 'date';

export const NUMBER_FORMATS: Record<NumberFormatKey, string> = {
  text: '@',
  integer: '0',
  number: 'General',
  percent: '0.0%',
  yuan: '"¥"#,##0.00',
  wanyuan: '0.0000',
  date: 'yyyy-mm-dd',
};

/**
 * What a tab we write is (findings, log, units, aid …): lower-case letters, stored in the tab's
 * ownership mark. Core's own tabs are named in tab-names.ts; a kind names its tabs in its folder.
 */
export type OwnedRole = string;

export interface ColumnSpec {
  header: string;
  /** Width in characters. */
  width: number;
  format?: NumberFormatKey;
  /** Long text (说明, 怎么改): wrapped in the cell, the row grows to show it all. */
  wrap?: boolean;
}

/** A row's background: errors and warnings stand out on screen and on paper. */
export type RowTone = 'error' | 'warning';

export const TONE_FILL: Record<RowTone, string> = { error: '#FDE2E1', warning: '#FFF2CC' };

export type OutCell = string | number | boolean | null;

export interface LinkSpec {
  /** 0-based index into `rows`. */
  row: number;
  /** 0-based column. */
  col: number;
  /** Target sheet and cell: in the same workbook, or in `file`. */
  sheet: string;
  cell: string;
  /** Another workbook, as a path relative to the one written (a consolidation's source file). */
  file?: string;
}

interface ChartBase {
  title: string;
  categoryCol: number;
  /** Body rows `fromRow`..`toRow` (0-based, inclusive). */
  fromRow: number;
  toRow: number;
}

/** A clustered column chart of one column. */
export interface ColumnChartSpec extends ChartBase {
  type?: 'column';
  valueCol: number;
}

/**
 * A stacked horizontal bar per row, one series per column (a person's 好 / 较好 / 一般 / 差),
 * the first row on top; `colors` (hex, one per series) say good to bad at a glance.
 */
export interface StackedBarChartSpec extends ChartBase {
  type: 'stacked-bar';
  valueCols: number[];
  colors: string[];
}

export type ChartSpec = ColumnChartSpec | StackedBarChartSpec;

/** The columns a chart draws, one series each. */
export function chartSeries(c: ChartSpec): number[] {
  return c.type === 'stacked-bar' ? c.valueCols : [c.valueCol];
}

export interface SheetDescription {
  role: OwnedRole;
  name: string;
  title: string;
  subtitle: string;
  columns: ColumnSpec[];
  rows: OutCell[][];
  links: LinkSpec[];
  landscape: boolean;
  /** Paper size; A4 unless a tab is too wide to read on it (测评汇总: five items × six columns). */
  paper?: 'A4' | 'A3';
  /** Excel table name (letters, digits, underscores). */
  tableName: string;
  /** Per body row (same index as `rows`), a background tone or null. */
  rowTones?: Array<RowTone | null>;
  chart?: ChartSpec;
}

/** A series is named by its column: 好 for 总体评价·好 (the legend is read beside the title). */
export function seriesName(d: SheetDescription, spec: ChartSpec, col: number): string {
  const header = d.columns[col].header;
  return spec.type === 'stacked-bar' ? header.slice(header.lastIndexOf('·') + 1) : header;
}

/**
 * Columns of the sheet a chart spans: nine for a column chart; a bar chart about 100 characters
 * wide, so its bars are long enough to read their parts (测评汇总's count columns are narrow).
 */
export function chartWidthCols(d: Pick<SheetDescription, 'columns'>, spec: ChartSpec): number {
  if (spec.type !== 'stacked-bar') return Math.min(d.columns.length, 9);
  let chars = 0;
  for (let i = 0; i < d.columns.length; i++) {
    chars += d.columns[i].width + 1;
    if (chars >= 100) return i + 1;
  }
  return d.columns.length;
}

/**
 * Rows of the sheet a chart takes: a bar chart grows with its bars (about 1.6 rows a bar), up to
 * about two printed pages (a 200-person 民主测评 gets thinner bars, not a chart ten pages long).
 */
export function chartHeightRows(spec: ChartSpec): number {
  return spec.type === 'stacked-bar' ? Math.min(120, Math.max(20, Math.ceil((spec.toRow - spec.fromRow + 1) * 1.6) + 6)) : 20;
}

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/**
 * Columns a text takes in a cell: a Chinese character about two. One measure for every tab's
 * column widths and for the row heights the writers set, so a width chosen for a text is the
 * width the writer wraps it in.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

/**
 * The subtitle (file names, date) is merged across the table and wraps; a merged cell does not
 * grow by itself, so every host sets its height (points) from its length.
 */
export function subtitleHeight(d: Pick<SheetDescription, 'subtitle' | 'columns'>): number {
  const tableWidth = d.columns.reduce((n, c) => n + c.width + 1, 0);
  return Math.max(1, Math.ceil((displayWidth(d.subtitle) * 10) / 11 / tableWidth)) * 14;
}

/** Excel tables need at least one data row: an empty list gets one row saying so. */
export function bodyRows(d: SheetDescription): OutCell[][] {
  if (d.rows.length > 0) return d.rows;
  const row: OutCell[] = d.columns.map(() => null);
  row[0] = '（无）';
  return [row];
}

export interface TabContext {
  /** The run, whatever its kinds (each kind's tabs get its own summary besides). */
  result: CheckResultBase;
  lang: Lang;
  /** The file whose sheets live in the workbook being written: findings there get links. */
  linkFile: string | null;
  /**
   * Other checked files, by name → their path relative to the workbook being written (a
   * consolidation): findings there get external links to the source file's cell.
   */
  linkTargets?: Record<string, string>;
  /** When the run happened (local time text), for titles and the log. */
  runAt: string;
  toolVersion: string;
  /** Rows of an earlier 检查记录 tab to keep above this run's row. */
  previousLog?: OutCell[][];
}

