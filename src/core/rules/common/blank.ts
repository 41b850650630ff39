import { cellAddress } from '../../address';
import { Check } from '../check';
import { defineRules } from '../../rule';

export const BLANK_ROW_RULES = defineRules([
  {
    id: 'row.blank',
    severity: 'warning',
    title: { zh: '数据中间的空行', en: 'Blank rows in data' },
    message: {
      zh: (p) => (p.from === p.to ? `第 ${p.from} 行是夹在数据中间的空行。` : `第 ${p.from}–${p.to} 行是夹在数据中间的空行。`),
      en: (p) => (p.from === p.to ? `Row ${p.from} is blank inside the data.` : `Rows ${p.from}–${p.to} are blank inside the data.`),
    },
    fix: {
      zh: () => '删除空行；如果下面是另一张表，请把它放到单独的工作表。',
      en: () => 'Delete the blank rows; if a second table follows, move it to its own sheet.',
    },
  },
]);

/** row.blank: blank rows between data rows, one finding for each run of them. */
export function blankRowCheck(): Check {
  return {
    rules: BLANK_ROW_RULES.map((r) => r.id),
    start(ctx) {
      const rows = ctx.table.blankRows;
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        ctx.report({ rule: 'row.blank', row: rows[i], column: null, value: null, params: { from: rows[i], to: rows[j] }, cell: cellAddress(rows[i], ctx.table.left) });
        i = j + 1;
      }
    },
  };
}
