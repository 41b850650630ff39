import type { ColumnKey } from '../../columns';
import type { Table } from '../../detect';
import type { Grid } from '../../grid';
import type { DetectContext, KindCandidate, KindSpec, SheetPlan, Summariser } from '../../kind';
import type { Check, SheetContext } from '../../rules/check';
import type { Settings } from '../../settings';
import { checkBallots } from './checks';
import { BallotJson, ballotJson, BallotJsonSchema } from './json';
import { BallotSheet, readBallotSheet } from './layout';
import { groupOf, LocatedSheet } from './located';
import { BALLOT_RULES } from './rules';
import { tallyBallots } from './tally';
import { BALLOT_TAB_SIGNATURES, ballotKindTabs } from './tabs';
import { BallotSettings, BallotSummary, DEFAULT_BALLOT_SETTINGS } from './types';

/**
 * 述职评议 / 民主测评 / 群众评议 ballots as one kind (BALLOT-SPEC.md). Unlike the two table kinds
 * its sheets are not one header over rows: ticked grids stack one block per ballot, entry sheets
 * hold one row per ballot and person, a tally holds 票数. Detection reads the whole sheet into a
 * BallotSheet (layout.ts) carried on its table; the checks and the tally compare ballots across
 * sheets and files, so they run once every sheet of the run has been read.
 */

/** The table of a ballot sheet: the rows are its persons' rows, the sheet as read rides along. */
export interface BallotTable extends Table {
  ballot: BallotSheet;
}

/** One data row of a ballot sheet, as the engine hands it on: the row number is all it needs. */
export type BallotRow = number;

export function ballotSettingsOf(settings: Settings): BallotSettings {
  return settings.ballot ?? DEFAULT_BALLOT_SETTINGS;
}

export function isBallotTable(t: Table): t is BallotTable {
  return (t as Partial<BallotTable>).ballot !== undefined;
}

/** A grid of choices under items is unmistakable; an entry sheet or a 名单 yields to a table kind with as many keys. */
const SCORE = { grid: 20, tally: 20, entry: 4, roster: 3 } as const;

function tableOf(sheet: BallotSheet): BallotTable {
  const rows = new Set<number>();
  for (const b of sheet.ballots) for (const e of b.entries) rows.add(e.row);
  for (const t of sheet.tally) rows.add(t.row);
  for (const p of sheet.roster) rows.add(p.row);
  const dataRows = [...rows].sort((a, b) => a - b);
  return {
    sheet: sheet.sheet,
    kind: 'ballot',
    layout: 'ballots',
    headerRows: sheet.headerRows,
    stubRow: null,
    columns: {},
    units: {},
    unitSource: null,
    titleYear: null,
    numbered: {},
    headerTexts: {},
    unknownHeaders: [],
    firstDataRow: sheet.firstDataRow,
    lastDataRow: sheet.lastDataRow,
    left: sheet.left,
    right: sheet.right,
    dataRows,
    dataSection: dataRows.map(() => -1),
    sections: [],
    // Blank rows between stacked ballots are how offices print them, not row.blank.
    blankRows: [],
    totalsRows: [],
    subtotalRows: [],
    reason: sheet.reason,
    ballot: sheet,
  };
}

function detect(grid: Grid, ctx: DetectContext): KindCandidate | null {
  const s = ballotSettingsOf(ctx.settings);
  const otherColumns = ctx.kinds.filter((k) => k.id !== 'ballot').map((k) => k.columns);
  const sheet = readBallotSheet(grid, { choiceSets: s.choiceSets, gradeItem: s.gradeItem, otherColumns });
  if (!sheet) return null;
  return { score: SCORE[sheet.layout], row: sheet.headerRows[0], read: () => tableOf(sheet) };
}

/** Sheets of the run, collected as the engine meets them (once each, whatever hook sees them first). */
class SheetCollector {
  readonly sheets: LocatedSheet[] = [];
  private readonly seen = new Set<BallotSheet>();

  constructor(private readonly settings: BallotSettings) {}

  add(file: string, table: Table) {
    if (!isBallotTable(table) || this.seen.has(table.ballot)) return;
    this.seen.add(table.ballot);
    const group = groupOf(file, table.sheet, this.settings.groups);
    this.sheets.push({ file, group: group?.name ?? null, sheet: table.ballot });
  }
}

/** The seven ballot.* checks, run once after every sheet was read: ballots are compared across sheets and files. */
export function ballotCheck(settings: BallotSettings): Check<BallotRow> {
  const collected = new SheetCollector(settings);
  return {
    rules: BALLOT_RULES.map((r) => r.id),
    start(ctx) {
      collected.add(ctx.file, ctx.table);
    },
    finish(ctx) {
      for (const i of checkBallots(collected.sheets, settings)) {
        const cell = i.cell;
        ctx.report({ rule: i.rule, at: { file: i.file, sheet: i.sheet, cell }, row: i.row, column: null as ColumnKey | null, value: i.value, params: i.params });
      }
    },
  };
}

/** The settings each summary was tallied with, so its tabs state the grade rule as configured. */
const SETTINGS_OF = new WeakMap<BallotSummary, BallotSettings>();

function summariser(settings: Settings): Summariser<BallotRow, BallotSummary> {
  const s = ballotSettingsOf(settings);
  const collected = new SheetCollector(s);
  return {
    row(_row, _view, ctx) {
      collected.add(ctx.file, ctx.table);
    },
    finish() {
      const summary = tallyBallots(collected.sheets, s).summary;
      if (summary) SETTINGS_OF.set(summary, s);
      return summary;
    },
  };
}

function sheetPlan(_ctx: SheetContext): SheetPlan<BallotRow> {
  return {
    read: (view) => view.row,
    // Only the ballot checks: a ballot has no 合计 row, no required column, and its blank rows separate ballots.
    runs: (check) => check.rules.some((r) => r.startsWith('ballot.')),
  };
}

export const ballotKind = {
  id: 'ballot',
  expects: { zh: '姓名、单位和各测评项目下的好、较好、一般、差（测评票）', en: 'name, unit and good / fairly good / fair / poor under each item (ballots)' },
  // Ticked grids, entry sheets, tallies and 名单 alike: their own reason names which.
  layouts: { ballots: { name: { zh: '测评票', en: 'ballots' }, required: [] } },
  columns: {
    name: { headers: ['姓名', '被测评人', '述职人', '被评议人'], label: { zh: '姓名', en: 'Name' }, distinctive: true },
    unit: { headers: ['单位', '工作单位', '所在单位', '党组织'], label: { zh: '单位', en: 'Unit' } },
    position: { headers: ['职务'], label: { zh: '职务', en: 'Position' } },
    ballotNo: { headers: ['票号', '选票编号', '测评表编号', '表号'], label: { zh: '票号', en: 'Ballot no.' }, distinctive: true },
  },
  rules: BALLOT_RULES,
  detect,
  sheet: sheetPlan,
  checks: (settings: Settings): Check<BallotRow>[] => [ballotCheck(ballotSettingsOf(settings))],
  summariser,
  tabs: (summary: BallotSummary, ctx) => ballotKindTabs(summary, ctx, SETTINGS_OF.get(summary)),
  tabSignatures: BALLOT_TAB_SIGNATURES,
  json: { schema: BallotJsonSchema, of: (summary: BallotSummary, lang: 'zh' | 'en'): BallotJson => ballotJson(summary, lang) },
} as const satisfies KindSpec<'ballot', BallotRow, BallotSummary, BallotJson>;
