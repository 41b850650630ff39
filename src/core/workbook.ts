/**
 * The one input shape every host hands to the engine: a workbook as sheets of cell grids,
 * values as Excel gives them. The Office.js host and the .xlsx reader both produce this.
 */

/** An Excel error value such as #N/A or #VALUE!. */
export interface CellError {
  error: string;
}

/**
 * A cell value as Excel gives it. Dates may arrive as Date (UTC midnight of the calendar day)
 * or as an Excel serial number; the readers accept both.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface SheetInput {
  name: string;
  /** rows[0][0] is the cell at `origin` (A1 unless said otherwise). Rows may be ragged. */
  rows: CellValue[][];
  /** 1-based Excel row and column of rows[0][0]. */
  origin?: { row: number; col: number };
  /** Merged areas as A1 ranges ("A1:C1"). */
  merges?: string[];
  /** The role of a tab the add-in wrote itself (findings, log …): never checked; 'log' is appended to. */
  owned?: string;
  /**
   * The role our hidden mark claims on a tab whose values no longer match it (the user edited our
   * tab): not checked, not replaced (see summary/edited-tab.ts).
   */
  marked?: string;
}

export interface WorkbookInput {
  /** File name or workbook name; appears in findings and summaries. */
  name: string;
  sheets: SheetInput[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}
