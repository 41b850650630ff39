import { cellAddress } from '../../address';
import { COLUMN_LABELS, ColumnKey, SheetKind } from '../../columns';
import { Check, ANY_KIND } from '../check';

/** Each entry is one required field; a field may be satisfied by any of its alternative columns. */
const REQUIRED: Record<SheetKind, ColumnKey[][]> = {
  responsibility: [['item', 'content'], ['leadUnit'], ['owner'], ['deadline']],
  aid: [['head'], ['idNumber'], ['total', 'cash']],
};

/** required.missing: a required column absent from the table, or a required cell left empty. */
export function requiredCheck(): Check {
  let present: ColumnKey[][] = [];
  return {
    rules: ['required.missing'],
    kinds: ANY_KIND,
    start(ctx) {
      present = [];
      const headerRow = ctx.table.headerRows[0];
      for (const alternatives of REQUIRED[ctx.table.kind]) {
        const have = alternatives.filter((k) => ctx.col(k) !== undefined);
        if (have.length > 0) present.push(have);
        else {
          const label = COLUMN_LABELS[alternatives[0]];
          ctx.report('required.missing', headerRow, null, null, { field: label.zh, fieldEn: label.en, wholeColumn: 1 }, { cell: cellAddress(headerRow, ctx.table.left) });
        }
      }
    },
    row(row, ctx) {
      for (const keys of present) {
        if (keys.some((k) => row.text(k) !== '')) continue;
        const label = COLUMN_LABELS[keys[0]];
        ctx.report('required.missing', row.row, keys[0], null, { field: label.zh, fieldEn: label.en });
      }
    },
  };
}
