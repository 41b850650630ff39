import { cellAddress, rangeAddress } from '../../address';
import { mergesInRows } from '../../detect';
import { Check } from '../check';
import { defineRules, q, qe } from '../../rule';

export const LAYOUT_RULES = defineRules([
  {
    id: 'layout.no-header',
    severity: 'warning',
    title: { zh: '未识别到表头', en: 'No header row' },
    message: {
      zh: (p) => `工作表${q(p.sheet)}没有识别到表头行（${p.reason}）。`,
      en: (p) => `Sheet ${qe(p.sheet)} has no recognisable header row (${p.reasonEn}).`,
    },
    fix: {
      zh: (p) => `表头应含以下列名中的至少 3 个：${p.expected}。如表头写法特殊，请在设置中指定表头行和列。`,
      en: (p) => `A header needs at least 3 of: ${p.expectedEn}. Otherwise set the header row and columns in the settings.`,
    },
  },
  {
    id: 'layout.unknown-column',
    severity: 'info',
    title: { zh: '未知列', en: 'Unknown column' },
    message: {
      zh: (p) => `${p.cell} 的表头${q(p.header)}不对应任何已知列，检查时不使用该列。`,
      en: (p) => `Header ${qe(p.header)} at ${p.cell} matches no known column and is not checked.`,
    },
    fix: {
      zh: () => '如果这一列需要检查，请在设置的“列映射”里指定它是哪一列。',
      en: () => 'If this column matters, map it in the column settings.',
    },
  },
  {
    id: 'layout.merged-data',
    severity: 'warning',
    title: { zh: '数据区有合并单元格', en: 'Merged cells in data' },
    message: {
      zh: (p) => `数据区域内有合并单元格 ${p.range}：只有左上角单元格真正有值，排序、筛选和汇总会出错。`,
      en: (p) => `Merged cells ${p.range} inside the data: only the top-left cell holds a value, so sorting, filtering and totals go wrong.`,
    },
    fix: {
      zh: () => '取消合并，并在每一行填上完整的值。',
      en: () => 'Unmerge and fill the value into every row.',
    },
  },
]);

/** layout.unknown-column (info) and layout.merged-data: what the engine could not use as it stands. */
export function layoutCheck(): Check {
  return {
    rules: LAYOUT_RULES.map((r) => r.id),
    start(ctx) {
      const t = ctx.table;
      const headerRow = t.headerRows[t.headerRows.length - 1];
      for (const { col, text } of t.unknownHeaders) {
        ctx.report({ rule: 'layout.unknown-column', row: headerRow, column: null, value: text, params: { header: text }, cell: cellAddress(headerRow, col) });
      }
      if (t.dataRows.length === 0) return;
      // Label columns an office merges down over the rows they head (测评项目 over its 测评内容, 村
      // over its households: the kind's grouping columns). A merged 责任单位 or 责任人 is still
      // reported: it silently hands the rows below to whoever is named on top.
      const grouping = Object.keys(ctx.kind.columns).filter((k) => ctx.kind.columns[k].grouping);
      const groupingCols = new Set(grouping.map((k) => t.columns[k]).filter((c): c is number => c !== undefined));
      for (const m of mergesInRows(ctx.grid, t.firstDataRow, t.lastDataRow)) {
        if (m.top < t.firstDataRow) continue; // a header cell reaching down is the header's business
        // A section, 小计 or 合计 row merged across is how offices draw them, not merged data.
        if (!coversData(t.dataRows, m.top, m.bottom)) continue;
        // 测评项目 or 村 merged down over the rows it groups is how offices draw a group.
        if (m.left === m.right && groupingCols.has(m.left)) continue;
        const range = rangeAddress(m);
        ctx.report({ rule: 'layout.merged-data', row: m.top, column: null, value: ctx.grid.raw(m.top, m.left), params: { range }, cell: cellAddress(m.top, m.left) });
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
