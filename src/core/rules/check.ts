import type { ColumnKey } from '../columns';
import type { Table } from '../detect';
import type { AnyKind } from '../kind';
import { Finding, ParamValue, Place } from '../findings';
import { Grid } from '../grid';
import { DayNumber } from '../read/date';
import { RuleId, Settings } from '../settings';
import { CellValue } from '../workbook';

/**
 * One data row as the checks see it: merged cells already filled in. `K` is the kind's column
 * keys (AidKey, ResponsibilityKey …), so a mistyped key does not compile; common checks use any.
 */
export interface RowView<K extends ColumnKey = ColumnKey> {
  readonly row: number;
  get(key: K): CellValue;
  text(key: K): string;
  /** The section rows above name it: 宣传教育 / 加强宣传教育 ('' when the table has none). */
  readonly section: string;
}

/** What a check says about one cell: `ctx.report({ rule, row, column, value, params })`. */
export interface FindingReport<K extends ColumnKey = ColumnKey> {
  rule: RuleId;
  /** Excel row of the finding, or null for the whole table. */
  row: number | null;
  /** The column's key: the finding sits in its cell of `row` (the table's first column when null). */
  column: K | null;
  /** The value found, as the report shows it. */
  value: CellValue | undefined;
  /** What the rule's message and fix fill in (the cell and sheet are added). */
  params?: Record<string, ParamValue>;
  /** Report at this cell instead of the column's cell in `row`. */
  cell?: string;
  /** Other places of the same duplicate. */
  related?: Place[];
}

/** A finding placed anywhere, after every sheet was seen (cross-sheet and cross-file checks). */
export interface PlacedReport extends Omit<FindingReport, 'cell'> {
  at: Place;
}

export interface SheetContext<K extends ColumnKey = ColumnKey> {
  readonly file: string;
  /** The kind of the sheet: its columns' labels, its layouts' required fields. */
  readonly kind: AnyKind;
  readonly table: Table;
  readonly grid: Grid;
  readonly settings: Settings;
  readonly asOf: DayNumber;
  /** Year that "6月底" or "年底" refers to: the as-of date's year. */
  readonly refYear: number;
  col(key: K): number | undefined;
  /** A1 address of `key`'s cell in `row` (the table's first column when the key has none). */
  cell(key: K | null, row: number): string;
  place(key: K | null, row: number): Place;
  /** Records a finding (null when its rule is switched off). */
  report(f: FindingReport<K>): Finding | null;
}

/**
 * A check in the manner of frictionless-py: hooks at the start of a sheet, at every data row
 * and at the end, each reporting typed findings; `finish` runs once after every sheet of every
 * workbook, for checks that compare across sheets and files.
 */
export interface Check<Row = unknown, K extends ColumnKey = ColumnKey> {
  readonly rules: readonly RuleId[];
  /**
   * The sheet begins. `false`: this check wants none of its rows (`row` is not called for it on
   * this sheet, `end` still is) — a call per row that does nothing costs the row loop ~8 ms per 100,000.
   */
  start?(ctx: SheetContext<K>): void | false;
  row?(row: RowView<K>, ctx: SheetContext<K>, read: Row): void;
  end?(ctx: SheetContext<K>): void;
  finish?(ctx: FinishContext): void;
}

/** What `finish` gets: a report that places findings anywhere, after every sheet was seen. */
export interface FinishContext {
  report(f: PlacedReport): Finding | null;
}
