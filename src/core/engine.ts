import { cellAddress, columnLetter, rangeAddress } from './address';
import { ColumnKey, SheetKind } from './columns';
import { detectTable, Table } from './detect';
import { Finding, ParamValue, Place, compareFindings } from './findings';
import { DEFAULT_SEVERITY } from './rules/catalogue';
import { Grid } from './grid';
import { dayFromIso, dayToIso, DayNumber, readDateCached } from './read/date';
import { cellText } from './read/text';
import { FinishContext, RowView, SheetContext } from './rules/check';
import { createChecks } from './rules/registry';
import { readTask, Task } from './kinds/responsibility/task';
import { Household, householdReader } from './kinds/aid/household';
import { AidSummary, consolidateAid, HouseholdAt } from './kinds/aid/consolidate';
import { placeOfSheet } from './kinds/aid/place';
import { ResponsibilityScores, scoreResponsibility, TaskAt } from './kinds/responsibility/scoring';
import { RuleId, Settings } from './settings';
import { distribute, Distribution } from './distribution';
import { isProse } from './prose';
import { EXPECTED_HEADERS } from './verdict';
import { CellValue, isCellError, WorkbookInput } from './workbook';

export type SheetStatus = SheetKind | 'unknown' | 'empty' | 'skipped' | 'owned';

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

export interface CheckResult {
  asOf: string;
  files: Array<{ file: string; sheets: SheetSummary[] }>;
  findings: Finding[];
  tables: Array<{ file: string; table: Table }>;
  responsibility: ResponsibilityScores | null;
  aid: AidSummary | null;
  /** Every aid-ledger row read, with where it came from. */
  households: HouseholdAt[];
  /** Every responsibility-table row read, with where it came from. */
  tasks: TaskAt[];
  /** Findings per file, place and lead unit (问题分布). */
  distribution: Distribution;
  rulesRun: RuleId[];
  rowsChecked: number;
}

const PROGRESS_EVERY = 5000;

/** The whole check: detect each sheet's table, run every check over it, score the units. */
export function runCheck(books: WorkbookInput[], settings: Settings, options: RunOptions): CheckResult {
  const asOfIso = settings.asOf ?? options.today;
  const asOf = dayFromIso(asOfIso);
  if (asOf === null) throw new Error(`as-of date ${asOfIso} is not a date`);
  const refYear = Number(asOfIso.slice(0, 4));
  const findings: Finding[] = [];
  const checks = createChecks(settings).filter((c) => c.rules.some((r) => enabled(settings, r)));
  const files: CheckResult['files'] = [];
  const tables: CheckResult['tables'] = [];
  const tasks: TaskAt[] = [];
  const households: HouseholdAt[] = [];
  let rowsChecked = 0;

  for (const book of books) {
    const sheets: SheetSummary[] = [];
    let recognised = 0;
    const unrecognised: Finding[] = [];
    const proseFindings = new Set<Finding>();
    /** layout.no-header for a sheet of this book, set aside until the book's severity is known. */
    const noHeader = (sheetName: string, cell: string, reason: { zh: string; en: string }) => {
      const f = makeFinding(settings, 'layout.no-header', book.name, sheetName, cell, null, null, null, {
        sheet: sheetName,
        reason: reason.zh,
        reasonEn: reason.en,
        expected: EXPECTED_HEADERS.zh,
        expectedEn: EXPECTED_HEADERS.en,
      });
      if (f) unrecognised.push(f);
      return f;
    };
    for (const sheet of book.sheets) {
      const override = { ...settings.sheets['*'], ...settings.sheets[sheet.name] };
      if (sheet.owned) {
        sheets.push(summary(sheet.name, 'owned', { zh: '本工具写入的汇总表，不检查', en: 'a summary tab written by this tool; not checked' }));
        continue;
      }
      if (override.kind === 'skip') {
        sheets.push(summary(sheet.name, 'skipped', { zh: '按设置跳过', en: 'skipped by the settings' }));
        continue;
      }
      const grid = new Grid(sheet);
      const det = detectTable(grid, override);
      if (!det.ok) {
        const prose = !det.empty && isProse(grid);
        const reason = prose ? { zh: '只有文字，没有表格', en: 'only text, no table' } : det.reason;
        sheets.push({ ...summary(sheet.name, det.empty ? 'empty' : 'unknown', reason), ...(prose ? { prose: true as const } : {}) });
        if (!det.empty) {
          const f = noHeader(sheet.name, cellAddress(grid.top, grid.left), reason);
          if (f && prose) proseFindings.add(f);
        }
        continue;
      }
      recognised++;
      const table = det.table;
      tables.push({ file: book.name, table });
      sheets.push({
        name: sheet.name,
        kind: table.kind,
        headerRows: table.headerRows,
        dataRange: table.dataRows.length > 0 ? rangeAddress({ top: table.firstDataRow, left: table.left, bottom: table.lastDataRow, right: table.right }) : null,
        columns: Object.fromEntries(Object.entries(table.columns).map(([k, c]) => [k, columnLetter(c!)])),
        rows: table.dataRows.length,
        reason: table.reason,
      });
      const ctx = makeContext(book.name, table, grid, settings, asOf, refYear, findings);
      // A 汇总 tab is reconciled with the township tabs, never read as households.
      const summaryTab = table.layout === 'summary';
      const active = checks.filter((c) => c.kinds.includes(table.kind) && (!summaryTab || c.rules.some((r) => SUMMARY_TAB_RULES.has(r))));
      for (const c of active) c.start?.(ctx);
      const view = makeRowView(grid, table);
      const rowHooks = active.filter((c) => c.row);
      const total = table.dataRows.length;
      const place = table.kind === 'aid' ? placeOfSheet(book.name, grid, table) : null;
      const itemKey = table.columns.item !== undefined ? 'item' : 'content';
      const idCol = table.columns.idNumber ?? table.columns.head ?? table.left;
      const years = datingYears(settings, table, refYear);
      const readHouseholdAt = place ? householdReader(grid, table, place, years.year) : null;
      const sectionNames = sectionPaths(table);
      for (let i = 0; i < total; i++) {
        const r = table.dataRows[i];
        view.row = r;
        const si = table.dataSection[i];
        const section = si >= 0 ? sectionNames[si] : '';
        if (summaryTab) {
          // checked by the totals and summary checks only
        } else if (place) {
          const h = readHouseholdAt!(r);
          if (years.alt !== null) redate(h, view.get('visitDate'), years);
          h.section = section;
          view.household = h;
          households.push({ file: book.name, sheet: sheet.name, col: idCol, household: h });
        } else {
          const t = readTask(r, view.get, view.text, settings, years.year);
          t.section = section;
          view.task = t;
          tasks.push({ file: book.name, sheet: sheet.name, cell: ctx.cell(itemKey, r), task: t });
        }
        for (const c of rowHooks) c.row!(view, ctx, undefined);
        if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) options.onProgress({ file: book.name, sheet: sheet.name, rowsDone: i + 1, rowsTotal: total });
      }
      rowsChecked += total;
      for (const c of active) c.end?.(ctx);
    }
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
    files.push({ file: book.name, sheets });
  }
  const finishCtx: FinishContext = {
    settings,
    report(r) {
      const f = makeFinding(settings, r.rule, r.at.file, r.at.sheet, r.at.cell, r.row, r.column, r.value, r.params ?? NO_PARAMS, r.related);
      if (f) findings.push(f);
      return f;
    },
  };
  for (const c of checks) c.finish?.(finishCtx);
  const order = new Map<string, number>();
  for (const f of files) for (const s of f.sheets) order.set(`${f.file}\u0000${s.name}`, order.size);
  const position = (f: Finding) => order.get(`${f.file}\u0000${f.sheet}`) ?? order.size;
  findings.sort((a, b) => compareFindings(position, a, b));
  const responsibilityTables = tables.some((t) => t.table.kind === 'responsibility');
  return {
    asOf: dayToIso(asOf),
    files,
    findings,
    tables,
    responsibility: responsibilityTables ? scoreResponsibility(tasks, settings, asOf) : null,
    aid: tables.some((t) => t.table.kind === 'aid') ? consolidateAid(households, findings, settings.showIds) : null,
    households,
    tasks,
    distribution: distribute(findings, files.map((f) => f.file), households, tasks),
    rulesRun: checks.flatMap((c) => c.rules.filter((r) => enabled(settings, r))),
    rowsChecked,
  };
}

/** Rules that still run on a 汇总 tab: its layout, its own 合计 row and the reconciliation. */
const SUMMARY_TAB_RULES = new Set<RuleId>(['layout.unknown-column', 'layout.merged-data', 'row.blank', 'total-row.mismatch', 'summary.mismatch']);

interface DatingYears {
  /** The year of year-less dates (1月13日). */
  year: number;
  /** A campaign window across New Year: the other year, tried when the first misses the window. */
  alt: number | null;
  from: number;
  to: number;
}

/** Year-less dates take the campaign window's year, else the title's (2017年春节…), else the as-of date's. */
function datingYears(settings: Settings, table: Table, refYear: number): DatingYears {
  const w = settings.window;
  if (w && table.kind === 'aid') {
    const a = Number(w.from.slice(0, 4));
    const b = Number(w.to.slice(0, 4));
    return { year: a, alt: b !== a ? b : null, from: dayFromIso(w.from)!, to: dayFromIso(w.to)! };
  }
  return { year: table.titleYear ?? refYear, alt: null, from: 0, to: 0 };
}

/** 12月28日 in a window from 2016-12-25 to 2017-01-22 is 2016; 1月13日 is 2017. */
function redate(h: Household, v: CellValue, years: DatingYears) {
  const d = h.visitDate;
  if (typeof v !== 'string' || d.kind !== 'date' || (d.day >= years.from && d.day <= years.to) || /\d{4}/.test(v)) return;
  const other = readDateCached(v, years.alt!);
  if (other.kind === 'date' && other.day >= years.from && other.day <= years.to) h.visitDate = other;
}

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

function makeFinding(
  settings: Settings,
  rule: RuleId,
  file: string,
  sheet: string,
  cell: string,
  row: number | null,
  column: ColumnKey | null,
  value: CellValue | undefined,
  params: Record<string, ParamValue>,
  related?: Place[],
): Finding | null {
  const s = settings.rules[rule];
  if (s?.enabled === false) return null;
  const f: Finding = {
    rule,
    severity: s?.severity ?? DEFAULT_SEVERITY[rule],
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
}

function makeContext(
  file: string,
  table: Table,
  grid: Grid,
  settings: Settings,
  asOf: DayNumber,
  refYear: number,
  out: Finding[],
): SheetContext {
  const cell = (key: ColumnKey | null, row: number) => cellAddress(row, (key && table.columns[key]) || table.left);
  return {
    file,
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
      const f = makeFinding(settings, r.rule, file, table.sheet, at, r.row, r.column, r.value, r.params ?? NO_PARAMS, r.related);
      if (f) out.push(f);
      return f;
    },
  };
}

interface MutableRowView extends RowView {
  row: number;
  task?: Task;
  household?: Household;
  get: (key: ColumnKey) => CellValue;
  text: (key: ColumnKey) => string;
}

function makeRowView(grid: Grid, table: Table): MutableRowView {
  const cols = table.columns;
  const view: MutableRowView = {
    row: 0,
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
