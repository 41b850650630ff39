/**
 * What this Excel can do, from its API requirement sets. Newer sets are used when present and
 * their absence is said plainly; nothing here calls Office at import time, so tests pass their own.
 */
export interface ApiSupport {
  /** ExcelApi 1.12: a worksheet custom property carries our tabs' mark besides the worksheet-scoped name every Excel keeps. */
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
  // No note without custom properties: the worksheet-scoped name marks our tabs on every Excel.
  return notes;
}
