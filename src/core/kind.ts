import type { z } from 'zod';
import type { Table } from './detect';
import type { Finding } from './findings';
import type { Grid } from './grid';
import type { Lang } from './lang';
import type { DayNumber } from './read/date';
import type { RuleDef } from './rule';
import type { Check, RowView, SheetContext } from './rules/check';
import type { Settings, SheetOverride } from './settings';
import type { SheetDescription, TabContext } from './summary/sheet';
import type { TabSignature } from './summary/tab-signature';

/**
 * A workbook kind (目标任务分解表, 帮扶救助台账, 测评表 …) as one unit of code: everything the
 * generic engine needs to find, read, check, summarise and write back one kind of sheet.
 *
 * HOW TO ADD A KIND (the files it touches outside its folder: the registry and settings.ts)
 * 1. A folder `src/core/kinds/<id>/` whose `index.ts` exports
 *    `export const <id>Kind = { … } satisfies KindSpec<'<id>', Row, Summary, Json>;`
 *    with every function annotated (params and return: the registry derives types from these
 *    objects, and an unannotated body would make the derivation circular). Everything of the kind
 *    lives in the folder: columns, layouts, row type and reader, checks with their rules
 *    (`defineRules` in src/core/rule.ts: id, severity, title, message and fix in zh + en, beside
 *    the check), summary, tabs (SheetDescription, src/core/summary/sheet.ts) with their signatures
 *    (`tabSignatures`: each tab's title and header row in zh and en, src/core/summary/tab-signature.ts,
 *    built from the same texts the tab is written with) and JSON schema.
 *    Import from generic core only (src/core/*.ts, rules/check.ts, rules/common, summary/sheet.ts,
 *    summary/links.ts, summary/tab-names.ts, lang.ts …), never messages.ts, report.ts,
 *    summary/tabs.ts, pipeline.ts, rules/catalogue.ts or the registry: they are derived from the
 *    kinds, so loading them from a kind is a cycle (tests/core/layering.test.ts says so). Another kind is known only through
 *    `DetectContext.kinds` (its columns), never imported.
 * 2. One entry in the list in src/core/kinds/registry.ts. Derived from that list: `RuleId`, the
 *    severity and message tables (rules/catalogue.ts, messages.ts), the report's `<id>` section
 *    (report.ts), the tabs written (summary/tabs.ts), `LedgerResult['<id>']` (pipeline.ts).
 * 3. settings.ts: `'<id>'` in `KIND_IDS` (so a sheet override may name the kind; the registry does
 *    not compile until it is there) and, if the kind has settings, an optional `<id>` slice whose
 *    zod schema lives in the kind's folder; the kind hands `settings.<id>` to its checks. (A plain
 *    name for that slice in settings errors is one more line, in settings-problems.ts.)
 * The engine, detection, pipeline, CLI and Office host take the kinds as data. What the console
 * and the pane show of a kind's summary is theirs to add; its tabs and JSON appear without them.
 *
 * HOW THE ENGINE CALLS A KIND (src/core/engine.ts)
 * - Every sheet: `detect(grid, ctx)` of every kind; the highest `score` wins (ties: the earlier
 *   `row`, then the registry's order). A settings override `kind: '<id>'` asks that kind only. A
 *   kind laid out as header rows over data rows returns
 *   `detectHeaderTable(grid, <id>Kind, ctx, { layoutOf, fillColumns? })` (src/core/detect.ts),
 *   which reads its `columns` (distinct keys recognised are the score; below 3 is no table unless
 *   the settings name the header row); a kind of another shape (ballot blocks) detects on its own
 *   and returns a `Table` (or a subtype carrying more) whose `dataRows` are the rows it checks.
 * - Each sheet of the kind: `sheet(ctx)` once → `read` (or null: a 汇总 tab that is not rows) and
 *   `runs` (which checks run there). Then per data row: `read(view)` once, each active check's
 *   `row(view, ctx, row)`, then `summariser.row(row, view, ctx)`.
 * - `checks(settings)` once per run: fresh checks, each made with its own settings slice and
 *   keeping its own state; `ctx.report({ rule, row, column, value, params })` records a finding.
 *   The common checks (layout, blank rows, required fields, 合计 rows, declared equations) run on
 *   every kind's tables unless `runs` leaves them out; they read labels, `summed`, `grouping` and
 *   the layouts' `required` from the kind.
 * - After every book: `summariser.finish(findings)` → the summary (scores / totals / tallies), only
 *   when the run found a sheet of the kind (else, or when it returns null, the result's `<id>` is
 *   null); `attribute(f)` for each finding on the kind's sheets (who fixes it: 问题分布);
 *   `tabs(summary, ctx)` → its tabs; `json.of(summary, lang)` → the report's `<id>` section.
 * - Every sheet, before detection: a sheet matching one of `tabSignatures` (or carrying our mark)
 *   is our tab an office edited: listed, not checked, not replaced.
 * Per row, allocate nothing beyond the row object: 100,000-row ledgers are normal.
 */
export interface KindSpec<Id extends string = string, Row = unknown, Summary = unknown, Json = unknown> {
  readonly id: Id;
  /** The headers a sheet of this kind needs, named when no sheet has a table (layout.no-header, the no-table verdict). */
  readonly expects: Bilingual;
  /** Column key → how offices write its header and how our tabs name it. */
  readonly columns: Readonly<Record<string, ColumnDef>>;
  /** How the rows of its tables can be laid out (tasks / scoring …): name and required columns. */
  readonly layouts: Readonly<Record<string, LayoutDef>>;
  /** Every rule this kind's checks report (the common rules are core's). */
  readonly rules: readonly RuleDef[];
  /** How well `grid` fits this kind, or null when it does not. */
  detect(grid: Grid, ctx: DetectContext): KindCandidate | null;
  /** Once per sheet of this kind: how to read its rows and which checks run on it. */
  sheet(ctx: SheetContext): SheetPlan<Row>;
  /** Fresh checks for one run, each made with its settings slice. */
  checks(settings: Settings): Check<Row>[];
  /** Collects the rows of every sheet of every book; `finish` summarises them. */
  summariser(settings: Settings, asOf: DayNumber): Summariser<Row, Summary>;
  /** The tabs this kind writes (after 检查结果 and 问题分布, before 检查记录). */
  tabs(summary: Summary, ctx: TabContext): SheetDescription[];
  /**
   * How each of those tabs is known after an office edited it and it lost our proof (title and
   * header row, both languages): never checked as data, never replaced (summary/edited-tab.ts).
   */
  readonly tabSignatures: readonly TabSignature[];
  /** The `--json` report's section named `id` (null there when the run had no such sheet). */
  readonly json: { readonly schema: z.ZodType<Json>; of(summary: Summary, lang: Lang): Json };
}

/** Any kind, whatever its row and summary types (the engine's view of the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = KindSpec<string, any, any, any>;

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
  /** Holds a row's substance: a section or 小计 row leaves it empty. */
  substance?: boolean;
  /** Where an office writes a row's label (小计, 一、…). */
  rowLabel?: boolean;
  /** Merged down over the rows it heads (测评项目, 村) is how offices draw a group, not merged data. */
  grouping?: boolean;
  /** Money: takes the unit a title line states (单位：万元). */
  money?: boolean;
  /** Added up by 合计 and 小计 rows. */
  summed?: boolean;
}

export interface LayoutDef {
  /** What the sheet list calls a sheet of this layout: 目标任务分解表 / responsibility table. */
  name: Bilingual;
  /** Required fields: any key of each entry satisfies it; `optional` ones are only checked where the column exists. */
  required: ReadonlyArray<{ keys: readonly string[]; optional?: boolean }>;
}

export interface DetectContext {
  readonly override: SheetOverride | undefined;
  /** The run's settings (a kind reads its own slice: its choice sets, …). */
  readonly settings: Settings;
  /** Every kind of the run, so a header detector can tell a group word from another kind's column. */
  readonly kinds: readonly AnyKind[];
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
  /** Which checks run on this sheet; absent: all of the kind's and the common ones. */
  runs?(check: Check<Row>): boolean;
}

/** Who answers for a finding, for 问题分布: a county and township, or a lead unit. */
export type Attribution = { county: string; township: string } | { unit: string };

export interface Summariser<Row, Summary> {
  /** Each data row read (not called on a sheet whose plan reads no rows). */
  row(row: Row, view: RowView, ctx: SheetContext): void;
  /** After every book; `findings` are all of the run's (e.g. doubted cells stay out of totals). Null: nothing to summarise. */
  finish(findings: readonly Finding[]): Summary | null;
  /** After `finish`: who fixes a finding on one of this kind's sheets; undefined leaves it to its file alone. */
  attribute?(finding: Finding): Attribution | undefined;
}
