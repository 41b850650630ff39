import { cellAddress } from '../../address';
import { ColumnKey } from '../../columns';
import { Check } from '../check';
import { Grid } from '../../grid';
import { cellText } from '../../read/text';
import { defineRules, q, qe } from '../../rule';

export const REQUIRED_RULES = defineRules([
  {
    id: 'required.missing',
    severity: 'error',
    title: { zh: '必填项为空', en: 'Required field empty' },
    message: {
      zh: (p) => (p.wholeColumn ? `表中没有${q(p.field)}列，每一行都必须填写${p.field}。` : `${p.cell} 的${p.field}为空。`),
      en: (p) => (p.wholeColumn ? `The table has no ${qe(p.fieldEn)} column; every row needs one.` : `${p.fieldEn} is empty at ${p.cell}.`),
    },
    fix: {
      zh: (p) => (p.wholeColumn ? `增加${q(p.field)}列并逐行填写。` : `填写${p.field}。`),
      en: (p) => (p.wholeColumn ? `Add a ${qe(p.fieldEn)} column and fill it in.` : `Fill in the ${p.fieldEn}.`),
    },
  },
]);

/**
 * required.missing: a required column absent from the table, or a required cell left empty.
 * Each kind's layouts say what is required: a 考核评分表 has no 完成时限 at all and may keep its
 * units in the title, so a column the layout does not have is not an error, on any row.
 */
export function requiredCheck(): Check {
  let present: ColumnKey[][] = [];
  // The columns of each required field, found once per sheet: each row reads its cells from the
  // grid, not through the row view by key (about 10 ms on 100,000 households).
  let presentCols: number[][] = [];
  return {
    rules: REQUIRED_RULES.map((r) => r.id),
    start(ctx) {
      present = [];
      presentCols = [];
      const headerRow = ctx.table.headerRows[0];
      for (const req of ctx.kind.layouts[ctx.table.layout]?.required ?? []) {
        const have = req.keys.filter((k) => ctx.col(k) !== undefined);
        if (have.length > 0) {
          present.push(have);
          presentCols.push(have.map((k) => ctx.col(k)!));
        }
        else if (!req.optional) {
          const label = ctx.kind.columns[req.keys[0]].label;
          ctx.report({ rule: 'required.missing', row: headerRow, column: null, value: null, params: { field: label.zh, fieldEn: label.en, wholeColumn: 1 }, cell: cellAddress(headerRow, ctx.table.left) });
        }
      }
    },
    row(row, ctx) {
      for (let i = 0; i < present.length; i++) {
        if (anyShown(ctx.grid, row.row, presentCols[i])) continue;
        const keys = present[i];
        const label = ctx.kind.columns[keys[0]].label;
        ctx.report({ rule: 'required.missing', row: row.row, column: keys[0], value: null, params: { field: label.zh, fieldEn: label.en } });
      }
    },
  };
}

/** Whether any of the cells shows something (cellText !== ''), without making the texts of 100,000 rows. */
function anyShown(grid: Grid, row: number, cols: number[]): boolean {
  for (const c of cols) {
    const v = grid.get(row, c);
    if (v === null || v === undefined) continue;
    if (typeof v === 'number' || cellText(v) !== '') return true;
  }
  return false;
}
