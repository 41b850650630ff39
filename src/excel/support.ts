/**
 * What this Excel can do, from its API requirement sets. Newer sets are used when present and
 * their absence is said plainly; nothing here calls Office at import time, so tests pass their own.
 */
export interface ApiSupport {
  /** ExcelApi 1.12: worksheet custom properties tag our tabs (a worksheet-scoped name is the fallback). */
  customProperties: boolean;
  /** ExcelApi 1.13: merged areas are read (without it, merged headers read as their top-left cell only). */
  mergedAreas: boolean;
  /** ExcelApi 1.9: page layout (A4, landscape, header rows repeated) and screen-updating suspension. */
  pageLayout: boolean;
}

export const FULL_SUPPORT: ApiSupport = { customProperties: true, mergedAreas: true, pageLayout: true };

export function detectSupport(isSetSupported: (set: string, version: string) => boolean): ApiSupport {
  return {
    customProperties: isSetSupported('ExcelApi', '1.12'),
    mergedAreas: isSetSupported('ExcelApi', '1.13'),
    pageLayout: isSetSupported('ExcelApi', '1.9'),
  };
}

/** What an older Excel cannot do, in the user's language, for the task pane to show. */
export function supportNotes(s: ApiSupport, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const notes: string[] = [];
  if (!s.mergedAreas) notes.push(zh ? '此版本 Excel 不支持读取合并单元格（需 ExcelApi 1.13），两行合并表头可能识别不全。' : 'This Excel cannot read merged cells (ExcelApi 1.13): two-row merged headers may be misread.');
  if (!s.pageLayout) notes.push(zh ? '此版本 Excel 不支持页面设置（需 ExcelApi 1.9），汇总表未设置 A4 打印。' : 'This Excel has no page layout API (ExcelApi 1.9): summary tabs get no print setup.');
  if (!s.customProperties) notes.push(zh ? '此版本 Excel 不支持工作表自定义属性（需 ExcelApi 1.12），改用工作表名称标记汇总表。' : 'No worksheet custom properties (ExcelApi 1.12): summary tabs are tagged with a sheet-scoped name instead.');
  return notes;
}
