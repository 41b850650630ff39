import { cellAddress } from '../../address';
import { COLUMN_LABELS, ColumnKey } from '../../columns';
import { compact, cellText } from '../../read/text';
import { readNumber, roundMoney } from '../../read/number';
import { Check, ANY_KIND } from '../check';

const SUMMED: ColumnKey[] = ['maxScore', 'score', 'members', 'cash', 'goodsValue', 'total', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'];

/**
 * total-row.mismatch: the sheet's own 合计 row against the sum of its data rows.
 * 小计 rows are subtotals of a part and are not compared.
 */
export function totalsRowCheck(): Check {
  let sums = new Map<ColumnKey, number>();
  let keys: ColumnKey[] = [];
  return {
    rules: ['total-row.mismatch'],
    kinds: ANY_KIND,
    start(ctx) {
      keys = SUMMED.filter((k) => ctx.col(k) !== undefined);
      sums = new Map(keys.map((k) => [k, 0]));
    },
    row(row) {
      for (const k of keys) {
        const n = readNumber(row.get(k));
        if (n.ok) sums.set(k, sums.get(k)! + n.value);
      }
    },
    end(ctx) {
      const t = ctx.table;
      for (const r of t.totalsRows) {
        const labels = [];
        for (let c = t.left; c < t.left + 3; c++) labels.push(compact(cellText(ctx.grid.raw(r, c))));
        if (labels.includes('小计')) continue;
        for (const k of keys) {
          const col = ctx.col(k)!;
          const found = readNumber(ctx.grid.raw(r, col));
          if (!found.ok) continue;
          const expected = roundMoney(sums.get(k)!);
          if (Math.abs(found.value - expected) <= 0.005) continue;
          const top = cellAddress(t.firstDataRow, col);
          const bottom = cellAddress(t.lastDataRow, col);
          ctx.report('total-row.mismatch', r, k, found.value, {
            field: COLUMN_LABELS[k].zh,
            fieldEn: COLUMN_LABELS[k].en,
            found: roundMoney(found.value),
            expected,
            diff: roundMoney(Math.abs(found.value - expected)),
            formula: `=SUM(${top}:${bottom})`,
          });
        }
      }
    },
  };
}
