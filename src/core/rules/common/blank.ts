import { cellAddress } from '../../address';
import { Check, ANY_KIND } from '../check';

/** row.blank: blank rows between data rows, one finding for each run of them. */
export function blankRowCheck(): Check {
  return {
    rules: ['row.blank'],
    kinds: ANY_KIND,
    start(ctx) {
      const rows = ctx.table.blankRows;
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        ctx.report('row.blank', rows[i], null, null, { from: rows[i], to: rows[j] }, { cell: cellAddress(rows[i], ctx.table.left) });
        i = j + 1;
      }
    },
  };
}
