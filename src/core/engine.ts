import { cellAddress, columnLetter, rangeAddress } from './address';
import { ColumnKey } from './columns';
import { detectSheet, Table } from './detect';
import { Finding, ParamValue, Place, compareFindings, SEVERITY_ORDER } from './findings';
import { Grid } from './grid';
import { AnyKind, Attribution, Summariser } from './kind';
import { dayFromIso, dayToIso, DayNumber } from './read/date';
import { cellText } from './read/text';
import { Check, FinishContext, RowView, SheetContext } from './rules/check';
import { commonChecks, COMMON_RULES } from './rules/common';
import { RuleId, Settings, Severity } from './settings';
import { distribute, Distribution } from './distribution';
import { isProse } from './prose';
import { editedTabRole } from './summary/edited-tab';
import { expectedHeaders } from './verdict';
import { CellValue, isCellError, SheetInput, WorkbookInput } from './workbook';

/** A kind's id, or what became of a sheet that is no table. */
export type SheetStatus = string;

export interface SheetSummary {
  name: string;
  kind: SheetStatus;
  headerRows: number[];
  dataRange: string | null;
  columns: Record<string, string>;
  rows: number;
  reason: { zh: string; en: string };
  /** Only text, no table (a 说明 tab): said so in the verdict. */
  prose?: true;
}

export interface CheckProgress {
  file: string;
  sheet: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface RunOptions {
  /** Today's date (YYYY-MM-DD), used when the settings give no as-of date. */
  today: string;
  onProgress?: (p: CheckProgress) => void;
}


/** What a run found, whatever its kinds: every sheet, every finding, who fixes what. */
export interface CheckResultBase {
  asOf: string;
  files: Array<{ file: string; sheets: SheetSummary[] }>;
  findings: Finding[];
  tables: Array<{ file: string; table: Table }>;
  /** Findings per file, place and lead unit (问题分布). */
  distribution: Distribution;
  rulesRun: RuleId[];
  rowsChecked: number;
}

type SummaryOf<K> = K extends { summariser(...a: never[]): Summariser<unknown, infer S> } ? S : never;

/** The run's result: the base, and each kind's summary under its id (null when it had no sheet). */
export type CheckResult<Ks extends readonly AnyKind[]> = CheckResultBase & { [K in Ks[number] as K['id']]: SummaryOf<K> | null };

const PROGRESS_EVERY = 5000;

/**
 * The whole check over the given kinds (taken as data: src/core/pipeline.ts passes the registry):
 * detect each sheet's kind and table, run the common and the kind's checks over it, summarise
 * each kind. How a kind is called: src/core/kind.ts.
 */
export function runKinds<const Ks extends readonly AnyKind[]>(kinds: Ks, books: WorkbookInput[], settings: Settings, options: RunOptions): CheckResult<Ks> {
  const run = startKinds(kinds, settings, options);
  for (const book of books) {
    const b = run.book(book.name);
    for (const sheet of book.sheets) b.sheet(sheet);
    b.end();
  }
  return run.finish();
}

/** A run fed as its input arrives: books in order, each book's sheets in order, then finish. */
export interface KindsRun<Ks extends readonly AnyKind[]> {
  book(name: string): BookRun;
  /** After the last book: the cross-book checks, the summaries and the result. */
  finish(): CheckResult<Ks>;
}

export interface BookRun {
  /** Checks one sheet (a host may read the next meanwhile). */
  sheet(sheet: SheetInput): void;
  /** The book's last sheet has been given. */
  end(): void;
}

/**
 * `runKinds` for a host that reads sheet by sheet: the command line reads the next sheet on
 * another thread while this one is checked. Each sheet is checked when it is given.
 */
export function startKinds<const Ks extends readonly AnyKind[]>(kinds: Ks, settings: Settings, options: RunOptions): KindsRun<Ks> {
  const asOfIso = settings.asOf ?? options.today;
  const asOf = dayFromIso(asOfIso);
  if (asOf === null) throw new Error(`as-of date ${asOfIso} is not a date`);
  const refYear = Number(asOfIso.slice(0, 4));
  const findings: Finding[] = [];
  const severities = new Map<string, Severity>();
  for (const r of COMMON_RULES) severities.set(r.id, r.severity);
  for (const k of kinds) for (const r of k.rules) severities.set(r.id, r.severity);
  const report = findingMaker(settings, severities);
  const expected = expectedHeaders(kinds);
  // Each check with the kind it belongs to (null: common, runs on every kind's tables).
  const checks: Array<{ check: Check<unknown>; kind: string | null }> = [
    ...commonChecks(settings).map((check) => ({ check, kind: null })),
    ...kinds.flatMap((k) => k.checks(settings).map((check: Check<unknown>) => ({ check, kind: k.id }))),
  ].filter((c) => c.check.rules.some((r) => enabled(settings, r)));
  const summarisers = new Map<string, Summariser<unknown, unknown>>(kinds.map((k) => [k.id, k.summariser(settings, asOf)]));
  const seen = new Set<string>();
  const kindOfSheet = new Map<string, string>();
  const files: CheckResultBase['files'] = [];
  const tables: CheckResultBase['tables'] = [];
  let rowsChecked = 0;

  const book = (bookName: string): BookRun => {
    const sheets: SheetSummary[] = [];
    let recognised = 0;
    const unrecognised: Finding[] = [];
    const proseFindings = new Set<Finding>();
    /** layout.no-header for a sheet of this book, set aside until the book's severity is known. */
    const noHeader = (sheetName: string, cell: string, reason: { zh: string; en: string }) => {
      const f = report('layout.no-header', bookName, sheetName, cell, null, null, null, {
        sheet: sheetName,
        reason: reason.zh,
        reasonEn: reason.en,
        expected: expected.zh,
        expectedEn: expected.en,
      });
      if (f) unrecognised.push(f);
      return f;
    };
    const checkSheet = (sheet: SheetInput): void => {
      const override = { ...settings.sheets['*'], ...settings.sheets[sheet.name] };
      if (sheet.owned) {
        sheets.push(summary(sheet.name, 'owned', { zh: '本工具写入的汇总表，不检查', en: 'a summary tab written by this tool; not checked' }));
        return;
      }
      if (editedTabRole(sheet, kinds)) {
        sheets.push(summary(sheet.name, 'owned', EDITED_TAB));
        return;
      }
      if (override.kind === 'skip') {
        sheets.push(summary(sheet.name, 'skipped', { zh: '按设置跳过', en: 'skipped by the settings' }));
        return;
      }
      const grid = new Grid(sheet);
      const det = detectSheet(grid, kinds, override, settings);
      if (!det.ok) {
        const prose = !det.empty && isProse(grid);
        const reason = prose ? { zh: '只有文字，没有表格', en: 'only text, no table' } : det.reason;
        sheets.push({ ...summary(sheet.name, det.empty ? 'empty' : 'unknown', reason), ...(prose ? { prose: true as const } : {}) });
        if (!det.empty) {
          const f = noHeader(sheet.name, cellAddress(grid.top, grid.left), reason);
          if (f && prose) proseFindings.add(f);
        }
        return;
      }
      recognised++;
      const { table, kind } = det;
      seen.add(kind.id);
      kindOfSheet.set(sheetKey(bookName, sheet.name), kind.id);
      tables.push({ file: bookName, table });
      sheets.push({
        name: sheet.name,
        kind: table.kind,
        headerRows: table.headerRows,
        dataRange: table.dataRows.length > 0 ? rangeAddress({ top: table.firstDataRow, left: table.left, bottom: table.lastDataRow, right: table.right }) : null,
        columns: Object.fromEntries(Object.entries(table.columns).map(([k, c]) => [k, columnLetter(c!)])),
        rows: table.dataRows.length,
        reason: table.reason,
      });
      const ctx = makeContext(bookName, kind, table, grid, settings, asOf, refYear, report, findings);
      const plan = kind.sheet(ctx);
      const active = checks.filter((c) => (c.kind === null || c.kind === kind.id) && (plan.runs?.(c.check) ?? true)).map((c) => c.check);
      const idle = new Set<Check<unknown>>();
      for (const c of active) if (c.start?.(ctx) === false) idle.add(c);
      const view = makeRowView(grid, table);
      const rowHooks = active.filter((c) => c.row && !idle.has(c));
      const total = table.dataRows.length;
      const progress = options.onProgress ? (done: number) => options.onProgress!({ file: bookName, sheet: sheet.name, rowsDone: done, rowsTotal: total }) : null;
      checkRows(table, view, ctx, plan.read, rowHooks, summarisers.get(kind.id)!, progress);
      rowsChecked += total;
      for (const c of active) c.end?.(ctx);
    };
    const end = (): void => {
      // A workbook with no table at all cannot be submitted; one odd sheet among tables is a warning.
      // A blank workbook says so too, or a consolidation would pass it over in silence.
      const looked = sheets.filter((s) => s.kind !== 'owned' && s.kind !== 'skipped');
      if (recognised === 0 && looked.length > 0 && looked.every((s) => s.kind === 'empty')) {
        noHeader(looked[0].name, 'A1', { zh: '工作簿是空的', en: 'the workbook is empty' });
      }
      const severitySet = settings.rules['layout.no-header']?.severity !== undefined;
      for (const f of unrecognised) {
        if (!severitySet && recognised === 0) f.severity = 'error';
        // A 说明 tab of prose beside the ledger is what offices do: worth a note, not a warning.
        else if (!severitySet && proseFindings.has(f)) f.severity = 'info';
        findings.push(f);
      }
      files.push({ file: bookName, sheets });
    };
    return { sheet: checkSheet, end };
  };
  const finish = (): CheckResult<Ks> => {
    const finishCtx: FinishContext = {
      report(r) {
        const f = report(r.rule, r.at.file, r.at.sheet, r.at.cell, r.row, r.column, r.value, r.params ?? NO_PARAMS, r.related);
        if (f) findings.push(f);
        return f;
      },
  };
  for (const c of checks) c.check.finish?.(finishCtx);
  const order = new Map<string, number>();
  for (const f of files) for (const s of f.sheets) order.set(sheetKey(f.file, s.name), order.size);
  // Each finding's sheet position found once, not a key string made at every comparison.
  const positions = new Map<Finding, number>();
  // A sheet's findings mostly come together: its key is made once for each run of them.
  let lastFile: string | null = null;
  let lastSheet: string | null = null;
  let lastPosition = 0;
  for (const f of findings) {
    if (f.file !== lastFile || f.sheet !== lastSheet) {
      lastFile = f.file;
      lastSheet = f.sheet;
      lastPosition = order.get(sheetKey(f.file, f.sheet)) ?? order.size;
    }
    positions.set(f, lastPosition);
  }
  const position = (f: Finding) => positions.get(f)!;
  sortFindings(findings, position, order.size + 1);
  const result: Record<string, unknown> = {
    asOf: dayToIso(asOf),
    files,
    findings,
    tables,
  };
  for (const k of kinds) result[k.id] = seen.has(k.id) ? summarisers.get(k.id)!.finish(findings) : null;
  const attribute = (f: Finding): Attribution | undefined => {
    const id = kindOfSheet.get(sheetKey(f.file, f.sheet));
    return id === undefined || !seen.has(id) ? undefined : summarisers.get(id)!.attribute?.(f);
  };
  result.distribution = distribute(findings, files.map((f) => f.file), attribute);
  result.rulesRun = checks.flatMap((c) => c.check.rules.filter((r) => enabled(settings, r)));
  result.rowsChecked = rowsChecked;
  return result as CheckResult<Ks>;
  };
  return { book, finish };
}

/**
 * Every data row of one sheet through the row hooks and the summariser. A function of its own,
 * optimised once and called for each sheet: inside the loop over sheets, each sheet's new
 * closures threw the loop back to the interpreter for a while.
 */
function checkRows(
  table: Table,
  view: MutableRowView,
  ctx: SheetContext,
  read: ((view: RowView) => unknown) | null,
  rowHooks: Check<unknown>[],
  summariser: Summariser<unknown, unknown>,
  progress: ((done: number) => void) | null,
): void {
  const total = table.dataRows.length;
  const sectionNames = sectionPaths(table);
  for (let i = 0; i < total; i++) {
    const r = table.dataRows[i];
    view.row = r;
    const si = table.dataSection[i];
    view.section = si >= 0 ? sectionNames[si] : '';
    // A sheet whose rows are not the kind's rows (a 汇总 tab) is read by its checks alone.
    const row = read ? read(view) : undefined;
    for (let k = 0; k < rowHooks.length; k++) rowHooks[k].row!(view, ctx, row);
    if (read) summariser.row(row, view, ctx);
    if (progress && (i + 1) % PROGRESS_EVERY === 0) progress(i + 1);
  }
}

/** Rows below 2^21 (Excel's last is 1,048,576): a row takes 21 bits of a finding's sort number. */
const ROW_SPAN = 2 ** 21;

/**
 * Sorts findings as compareFindings orders them. Each gets one number (severity, its sheet's
 * position, row, then its index) and the numbers are sorted natively; only findings that share
 * severity, sheet and row (a few) are compared further by cell and rule. A comparator called
 * 20,000 times, once, ran cold; this is one typed-array sort. When the numbers would not fit a
 * double exactly (hundreds of thousands of findings over thousands of sheets), the comparator.
 */
export function sortFindings(findings: Finding[], position: (f: Finding) => number, positions: number): void {
  const n = findings.length;
  const compare = (a: Finding, b: Finding) => compareFindings(position, a, b);
  let indexSpan = 1;
  while (indexSpan < n) indexSpan *= 2;
  const fits = 3 * positions * ROW_SPAN * indexSpan <= Number.MAX_SAFE_INTEGER;
  const numbers = fits ? new Float64Array(n) : null;
  for (let k = 0; numbers && k < n; k++) {
    const f = findings[k];
    const row = f.row ?? 0;
    if (!(Number.isInteger(row) && row >= 0 && row < ROW_SPAN)) {
      findings.sort(compare);
      return;
    }
    numbers[k] = ((SEVERITY_ORDER[f.severity] * positions + position(f)) * ROW_SPAN + row) * indexSpan + k;
  }
  if (!numbers) {
    findings.sort(compare);
    return;
  }
  numbers.sort();
  const sorted = new Array<Finding>(n);
  for (let k = 0; k < n; k++) sorted[k] = findings[numbers[k] % indexSpan];
  // Findings of one severity, sheet and row, in their first order: by cell and rule (a stable sort).
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && Math.floor(numbers[k] / indexSpan) === Math.floor(numbers[start] / indexSpan)) continue;
    if (k - start > 1) {
      const run = sorted.slice(start, k).sort(compare);
      for (let j = 0; j < run.length; j++) sorted[start + j] = run[j];
    }
    start = k;
  }
  for (let k = 0; k < n; k++) findings[k] = sorted[k];
}

const sheetKey = (file: string, sheet: string) => `${file}\u0000${sheet}`;

/** 宣传教育 / 加强宣传教育: each section's name with the names of the sections it sits in. */
function sectionPaths(table: Table): string[] {
  const out: string[] = [];
  const open: number[] = [];
  table.sections.forEach((s, i) => {
    while (open.length > 0 && table.sections[open[open.length - 1]].level >= s.level) open.pop();
    open.push(i);
    out.push(open.map((j) => table.sections[j].name).join(' / '));
  });
  return out;
}

/** Our summary tab an office has edited (summary/edited-tab.ts): left alone, a fresh one written beside it. */
const EDITED_TAB = { zh: '本工具写入的汇总表，已被修改：不检查，也不替换', en: 'a summary tab written by this tool, since edited: not checked and not replaced' };

function summary(name: string, kind: SheetStatus, reason: { zh: string; en: string }): SheetSummary {
  return { name, kind, headerRows: [], dataRange: null, columns: {}, rows: 0, reason };
}

function enabled(settings: Settings, rule: RuleId): boolean {
  return settings.rules[rule]?.enabled !== false;
}

/** JSON-safe form of a cell value for the report. */
export function jsonValue(v: CellValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v as string | number | boolean;
}

const NO_PARAMS: Record<string, ParamValue> = {};

type MakeFinding = (
  rule: RuleId,
  file: string,
  sheet: string,
  cell: string,
  row: number | null,
  column: ColumnKey | null,
  value: CellValue | undefined,
  params: Record<string, ParamValue>,
  related?: Place[],
) => Finding | null;

/** Makes findings with the settings' severity, else the rule's own; null for a rule switched off. */
function findingMaker(settings: Settings, severities: Map<string, Severity>): MakeFinding {
  return (rule, file, sheet, cell, row, column, value, params, related) => {
    const s = settings.rules[rule];
    if (s?.enabled === false) return null;
    const f: Finding = {
      rule,
      severity: s?.severity ?? severities.get(rule)!,
      file,
      sheet,
      cell,
      row,
      column,
      value: jsonValue(value),
      params: { ...params, cell, sheet },
    };
    if (related && related.length > 0) f.related = related;
    return f;
  };
}

function makeContext(
  file: string,
  kind: AnyKind,
  table: Table,
  grid: Grid,
  settings: Settings,
  asOf: DayNumber,
  refYear: number,
  makeFinding: MakeFinding,
  out: Finding[],
): SheetContext {
  const cell = (key: ColumnKey | null, row: number) => cellAddress(row, (key && table.columns[key]) || table.left);
  return {
    file,
    kind,
    table,
    grid,
    settings,
    asOf,
    refYear,
    col: (key) => table.columns[key],
    cell,
    place: (key, row) => ({ file, sheet: table.sheet, cell: cell(key, row) }),
    report(r) {
      const at = r.cell ?? cell(r.column, r.row ?? table.headerRows[0]);
      const f = makeFinding(r.rule, file, table.sheet, at, r.row, r.column, r.value, r.params ?? NO_PARAMS, r.related);
      if (f) out.push(f);
      return f;
    },
  };
}

interface MutableRowView extends RowView {
  row: number;
  section: string;
  get: (key: ColumnKey) => CellValue;
  text: (key: ColumnKey) => string;
}

function makeRowView(grid: Grid, table: Table): MutableRowView {
  const cols = table.columns;
  const view: MutableRowView = {
    row: 0,
    section: '',
    get: (key) => {
      const c = cols[key];
      return c === undefined ? null : grid.get(view.row, c);
    },
    text: (key) => {
      const c = cols[key];
      return c === undefined ? '' : cellText(grid.get(view.row, c));
    },
  };
  return view;
}
