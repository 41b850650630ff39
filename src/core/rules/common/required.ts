import { cellAddress } from '../../address';
import { COLUMN_LABELS, ColumnKey } from '../../columns';
import { TableLayout } from '../../detect';
import { Check, ANY_KIND } from '../check';
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

interface Requirement {
  /** Any of these columns satisfies the field. */
  keys: ColumnKey[];
  /** A layout that may lack the column: then it is not asked for, and only filled where it exists. */
  optional?: boolean;
}

/**
 * Required fields per layout. A 考核评分表 has no 完成时限 at all and may keep its units in the
 * title: a column the layout does not have is not an error, on any row.
 */
const REQUIRED: Record<TableLayout, Requirement[]> = {
  tasks: [{ keys: ['item', 'content'] }, { keys: ['leadUnit'] }, { keys: ['owner'] }, { keys: ['deadline'] }],
  scoring: [{ keys: ['item', 'content'] }, { keys: ['leadUnit'], optional: true }, { keys: ['owner'], optional: true }],
  ledger: [{ keys: ['head'] }, { keys: ['idNumber'] }, { keys: ['total', 'cash'] }],
  summary: [],
};

/** required.missing: a required column absent from the table, or a required cell left empty. */
export function requiredCheck(): Check {
  let present: ColumnKey[][] = [];
  return {
    rules: REQUIRED_RULES.map((r) => r.id),
    kinds: ANY_KIND,
    start(ctx) {
      present = [];
      const headerRow = ctx.table.headerRows[0];
      for (const req of REQUIRED[ctx.table.layout]) {
        const have = req.keys.filter((k) => ctx.col(k) !== undefined);
        if (have.length > 0) present.push(have);
        else if (!req.optional) {
          const label = COLUMN_LABELS[req.keys[0]];
          ctx.report({ rule: 'required.missing', row: headerRow, column: null, value: null, params: { field: label.zh, fieldEn: label.en, wholeColumn: 1 }, cell: cellAddress(headerRow, ctx.table.left) });
        }
      }
    },
    row(row, ctx) {
      for (const keys of present) {
        if (keys.some((k) => row.text(k) !== '')) continue;
        const label = COLUMN_LABELS[keys[0]];
        ctx.report({ rule: 'required.missing', row: row.row, column: keys[0], value: null, params: { field: label.zh, fieldEn: label.en } });
      }
    },
  };
}
