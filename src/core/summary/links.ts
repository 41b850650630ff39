import { inLang } from '../lang';
import { LinkSpec, OutCell } from './sheet';
import type { TabContext } from './sheet';

const t = inLang;

/** A link from the last row's `col` to the cell: in this workbook, or in the source file beside it. */
export function link(rows: OutCell[][], col: number, file: string, sheet: string, cell: string, ctx: TabContext, out: LinkSpec[]) {
  if (ctx.linkFile !== null && file === ctx.linkFile) out.push({ row: rows.length - 1, col, sheet, cell });
  else if (ctx.linkTargets?.[file] !== undefined) out.push({ row: rows.length - 1, col, sheet, cell, file: ctx.linkTargets[file] });
}

/** What the subtitle may promise about the cell addresses: only what the links deliver. */
export function linkPromise(ctx: TabContext, links: LinkSpec[], addresses: number): string {
  if (addresses === 0 || links.length < addresses) return '';
  return links.some((l) => l.file !== undefined)
    ? t(ctx.lang, '　点击单元格地址可打开原文件并跳到该单元格（原文件须保持在原来的文件夹）', '   click a cell address to open the source file at that cell (keep the files where they are)')
    : t(ctx.lang, '　点击单元格地址可跳到原表', '   click a cell address to go to it');
}
