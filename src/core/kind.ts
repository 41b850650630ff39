import type { z } from 'zod';
import type { Table } from './detect';
import type { Finding } from './findings';
import type { Grid } from './grid';
import type { DayNumber } from './read/date';
import type { RuleDef } from './rule';
import type { Check, RowView, SheetContext } from './rules/check';
import type { Settings, SheetOverride } from './settings';
import type { SheetDescription } from './summary/sheet';
import type { TabContext } from './summary/tabs';

/**
 * A workbook kind (目标任务分解表, 帮扶救助台账, 测评表 …) as one unit of code: everything the
 * generic engine needs to find, read, check, summarise and write back one kind of sheet.
 *
 * HOW TO ADD A KIND
 * 1. Make a folder `src/core/kinds/<id>/` whose `index.ts` exports `const <id>Kind = {...} satisfies
 *    KindSpec<'<id>', Row, Summary, Json>`. Everything of the kind lives there: columns, row type and
 *    reader, checks with their rules (`defineRules` in `src/core/rule.ts`: id, severity, title,
 *    message and fix in zh + en, beside the check), summary, tabs, JSON schema.
 * 2. Add it to the list in `src/core/kinds/registry.ts`. The rule ids, severities, message tables,
 *    the JSON report's schema and the `kind` a settings override may name are derived from that
 *    list; a `satisfies Record<KindId, …>` anywhere a kind must be handled makes the compiler name
 *    what is missing.
 * 3. Its settings slice, if any: one optional key in `SettingsSchema` (src/core/settings.ts), given
 *    to the kind's `checks` and `summariser` as `settings.<id>`.
 * Nothing else: the engine, detection, console, pane and .xlsx writer take the kinds as data.
 *
 * HOW THE ENGINE CALLS A KIND (src/core/engine.ts, src/core/pipeline.ts)
 * - Per sheet: `detect(grid, ctx)` for every kind; the highest `score` wins (ties: the earlier
 *   header row, then the registry's order). A settings override `kind: '<id>'` asks that kind only.
 *   Kinds laid out as a header row over data rows use `detectHeaderTable` (src/core/detect.ts) with
 *   their `columns`; a kind with another shape (ballot blocks) detects on its own and returns a
 *   `Table` (or a subtype) whose `dataRows` are the rows its checks see.
 * - Per sheet of the kind: `sheet(ctx)` once → a row reader (or none: a 汇总 tab that is not rows)
 *   and which checks run there. Then for each data row: `read(view)` once, then every check's
 *   `row` hook with the row; `summary.row(row, ctx)` takes what the summary needs.
 * - Checks: `checks(settings)` once per run; each check gets the settings slice it needs when made,
 *   keeps its own state, and reports with `ctx.report({ rule, row, column, value, params })`.
 *   The common checks (layout, blank rows, required fields, 合计 rows, declared equations) run on
 *   every kind's table unless `sheet(ctx).runs` leaves them out; they read `columns` for labels,
 *   required and summed keys.
 * - After every book: `summary.finish(findings)` → the kind's summary (scores / totals / tallies),
 *   `null` when the run had no sheet of the kind. `tabs(summary, ctx)` → the tabs it writes, and
 *   `json.of(summary, lang)` → the report's section named `id`.
 * Keep per-row work allocation-free beyond the row object itself: 100,000-row ledgers are normal.
 */
export interface KindSpec<Id extends string = string, Row = unknown, Summary = unknown, Json = unknown> {
  readonly id: Id;
  /** What a sheet of this kind is called in the sheet list: 目标任务分解表 / responsibility table. */
  readonly name: Bilingual;
  /** Column key → how offices write its header, and how our tabs label it. */
  readonly columns: Readonly<Record<string, ColumnDef>>;
  /** Every rule this kind's checks report (common rules are core's). */
  readonly rules: readonly RuleDef[];
  /** How well `grid` fits this kind, or null when it does not. */
  detect(grid: Grid, ctx: DetectContext): KindCandidate | null;
  /** Per sheet of this kind, once: how to read its rows and which checks run on it. */
  sheet(ctx: SheetContext): SheetPlan<Row>;
  /** Fresh checks for one run, each made with its settings slice. */
  checks(settings: Settings): Check<Row>[];
  /** Collects rows over every sheet of every book; `finish` summarises them. */
  summariser(settings: Settings, asOf: DayNumber): Summariser<Row, Summary>;
  /** The tabs this kind writes (after 检查结果 and 问题分布, before 检查记录). */
  tabs(summary: Summary, ctx: TabContext): SheetDescription[];
  /** The `--json` report's section named `id` (null there when the run had no such sheet). */
  readonly json: { readonly schema: z.ZodType<Json>; of(summary: Summary, lang: 'zh' | 'en'): Json };
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ColumnDef {
  /** Header texts seen in practice (matched tolerant of spaces, full-width forms, units in brackets). */
  headers: readonly string[];
  /** How our tabs and messages name the column. */
  label: Bilingual;
  /** Says which kind a sheet is (序号 and 备注 do not). */
  distinctive?: boolean;
}

export interface DetectContext {
  readonly override: SheetOverride | undefined;
  readonly settings: Settings;
  /** Every kind's columns, so a header detector can tell a group word from another kind's column. */
  readonly kinds: readonly KindSpec[];
}

export interface KindCandidate {
  /** Distinct header keys recognised (or the kind's own measure of fit); below 3 is no table. */
  score: number;
  /** The first header row, for ties. */
  row: number;
  /** The table, read only for the winning kind. */
  read(): Table;
}

export interface SheetPlan<Row> {
  /** Reads one data row; null when the sheet's rows are not this kind's rows (a 汇总 tab). */
  read: ((view: RowView) => Row) | null;
  /** Which checks run on this sheet; absent: all of them. */
  runs?(check: Check<Row>): boolean;
}

export interface Summariser<Row, Summary> {
  row(row: Row, ctx: SheetContext, view: RowView): void;
  /** After every book; `findings` are all findings of the run (e.g. doubted cells stay out of totals). */
  finish(findings: readonly Finding[]): Summary | null;
}
