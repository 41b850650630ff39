import { ColumnKey } from '../../columns';
import { cellAddress, rangeAddress } from '../../address';
import { mergesInRows } from '../../detect';
import { Check, ANY_KIND } from '../check';

/**
 * Label columns an office merges down over the rows they head (测评项目 over its 测评内容, 村 over
 * its households). A merged 责任单位 or 责任人 is still reported: it silently hands the rows below
 * to whoever is named on top.
 */
const GROUPING: ColumnKey[] = ['seq', 'item', 'standard', 'county', 'township', 'village'];

/** layout.unknown-column (info) and layout.merged-data: what the engine could not use as it stands. */
export function layoutCheck(): Check {
  return {
    rules: ['layout.unknown-column', 'layout.merged-data'],
    kinds: ANY_KIND,
    start(ctx) {
      const t = ctx.table;
      const headerRow = t.headerRows[t.headerRows.length - 1];
      for (const { col, text } of t.unknownHeaders) {
        ctx.report('layout.unknown-column', headerRow, null, text, { header: text }, { cell: cellAddress(headerRow, col) });
      }
      if (t.dataRows.length === 0) return;
      const groupingCols = new Set(GROUPING.map((k) => t.columns[k]).filter((c): c is number => c !== undefined));
      for (const m of mergesInRows(ctx.grid, t.firstDataRow, t.lastDataRow)) {
        if (m.top < t.firstDataRow) continue; // a header cell reaching down is the header's business
        // A section, 小计 or 合计 row merged across is how offices draw them, not merged data.
        if (!coversData(t.dataRows, m.top, m.bottom)) continue;
        // 测评项目 or 村 merged down over the rows it groups is how offices draw a group.
        if (m.left === m.right && groupingCols.has(m.left)) continue;
        const range = rangeAddress(m);
        ctx.report('layout.merged-data', m.top, null, ctx.grid.raw(m.top, m.left), { range }, { cell: cellAddress(m.top, m.left) });
      }
    },
  };
}

/** Whether any data row lies in top..bottom (dataRows ascending). */
function coversData(rows: number[], top: number, bottom: number): boolean {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < top) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo] <= bottom;
}
