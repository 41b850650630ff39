import { columnLetter } from '../../../../src/core/address';
import { Grid } from '../../../../src/core/grid';
import { KINDS } from '../../../../src/core/kinds/registry';
import { BallotSheet, readBallotSheet } from '../../../../src/core/kinds/ballot/layout';
import { LocatedSheet } from '../../../../src/core/kinds/ballot/located';
import { BallotSettings, BallotSettingsSchema, BallotSettingsInput } from '../../../../src/core/kinds/ballot/types';
import { CellValue, SheetInput } from '../../../../src/core/workbook';

/** What the engine hands the ballot kind's detection: the other kinds' column tables. */
export const OTHER_COLUMNS = KINDS.filter((k) => k.id !== 'ballot').map((k) => k.columns);

export const ITEMS = ['对党建工作重视程度', '党建工作成效', '问题查摆到位情况', '廉政勤政', '总体评价'];
export const GRADES = ['好', '较好', '一般', '差'];
export const SATISFACTION = ['满意', '基本满意', '不满意'];

/** One person's row on a ticked ballot: the choice index per item (null: left blank), or raw cells. */
export interface PersonRow {
  name: string;
  unit: string;
  /** Choice index per item, or null for blank; or an explicit list of cell values per item. */
  marks: Array<number | null | CellValue[]>;
}

export interface BlockSpec {
  title?: string | null;
  subtitle?: string | null;
  rows: PersonRow[];
}

/**
 * A ticked ballot block as offices print it: an optional title (merged across), an optional
 * subtitle, a two-row header (序号 姓名 单位 职务 merged down; each item merged over its choices),
 * then one row per person with √ under one choice per item. Returns rows and merges, starting at `top`.
 */
export function ballotBlock(spec: BlockSpec, top: number, items = ITEMS, choices = GRADES, tick: CellValue = '√'): { rows: CellValue[][]; merges: string[] } {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const width = 4 + items.length * choices.length;
  const last = columnLetter(width);
  let r = top;
  if (spec.title) {
    rows.push([spec.title]);
    merges.push(`A${r}:${last}${r}`);
    r++;
  }
  if (spec.subtitle) {
    rows.push([spec.subtitle]);
    merges.push(`A${r}:${last}${r}`);
    r++;
  }
  const head1: CellValue[] = ['序号', '姓名', '单位', '职务'];
  const head2: CellValue[] = [null, null, null, null];
  for (let c = 0; c < 4; c++) merges.push(`${columnLetter(c + 1)}${r}:${columnLetter(c + 1)}${r + 1}`);
  items.forEach((it, i) => {
    const from = 5 + i * choices.length;
    head1.push(it, ...choices.slice(1).map(() => null));
    head2.push(...choices);
    merges.push(`${columnLetter(from)}${r}:${columnLetter(from + choices.length - 1)}${r}`);
  });
  rows.push(head1, head2);
  spec.rows.forEach((p, i) => {
    const row: CellValue[] = [i + 1, p.name, p.unit, '书记'];
    for (const m of p.marks) {
      if (Array.isArray(m)) row.push(...m);
      else row.push(...choices.map((_, k) => (m === k ? tick : null)));
    }
    rows.push(row);
  });
  return { rows, merges };
}

/** A sheet of one or more stacked blocks, a blank row between them. */
export function ballotSheet(name: string, blocks: BlockSpec[], items = ITEMS, choices = GRADES): SheetInput {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  for (const b of blocks) {
    if (rows.length > 0) rows.push([]);
    const out = ballotBlock(b, rows.length + 1, items, choices);
    rows.push(...out.rows);
    merges.push(...out.merges);
  }
  return { name, rows, merges };
}

export function settings(input: BallotSettingsInput = {}): BallotSettings {
  return BallotSettingsSchema.parse(input);
}

export function read(sheet: SheetInput, s: BallotSettings = settings()): BallotSheet {
  const b = readBallotSheet(new Grid(sheet), { choiceSets: s.choiceSets, gradeItem: s.gradeItem, otherColumns: OTHER_COLUMNS });
  if (!b) throw new Error(`not read as ballots: ${sheet.name}`);
  return b;
}

export function located(sheets: SheetInput[], file = '测评.xlsx', group: string | null = null, s: BallotSettings = settings()): LocatedSheet[] {
  return sheets.map((sh) => ({ file, group, sheet: read(sh, s) }));
}

/** Everyone rated the same on every item. */
export function same(name: string, unit: string, choice: number | null, items = ITEMS.length): PersonRow {
  return { name, unit, marks: Array.from({ length: items }, () => choice) };
}
