import type { AnyKind } from '../kind';
import { CellValue, SheetInput } from '../workbook';
import { HEADER_ROW, TITLE_ROW } from './sheet';
import { exact, opt, row, TabSignature } from './tab-signature';

/**
 * Our summary tab after an office edited it (filled 约谈名单's 整改时限, added a remark to 督办清单):
 * its fingerprint no longer proves it ours, so it is never replaced; but it is still our tab, not
 * data, and read as data it would look like a 目标任务分解表 or a ledger and get findings that are
 * not the user's. Recognised by our mark (the hidden name, unproved) or, without one, by a title
 * and header row that are exactly those of one of our tabs, in either language. A user's sheet
 * that only shares a tab's name has its own header and stays data.
 *
 * Core's patterns mirror summary/tabs.ts and distribution-tab.ts; each kind's are its own
 * (`KindSpec.tabSignatures`), so the engine knows the tabs of the kinds it was given.
 * tests/core/edited-tab.test.ts proves every tab we write is recognised.
 */

/** Core's own tabs (summary/tabs.ts, distribution-tab.ts); each kind's come with the kind. */
const CORE_SIGNATURES: readonly TabSignature[] = [
  // summary/tabs.ts
  { role: 'findings', title: /^检查结果：/, header: row('级别', '问题', opt('文件'), '工作表', '单元格', '列', '单元格的值', '说明', '怎么改') },
  { role: 'findings', title: /^Findings: /, header: row('Severity', 'Problem', opt('File'), 'Sheet', 'Cell', 'Column', 'Value', 'Message', 'What to do') },
  { role: 'log', title: exact('检查记录'), header: row('检查时间', '文件', '截止日期', '规则数', '检查行数', '错误', '警告', '提示', '结论', '版本') },
  { role: 'log', title: exact('Check log'), header: row('Checked at', 'Files', 'As of', 'Rules', 'Rows', 'Errors', 'Warnings', 'Notes', 'Verdict', 'Version') },
  // summary/distribution-tab.ts
  { role: 'distribution', title: exact('问题分布（谁来改：问题多的在前）'), header: row('分组', '名称', '错误', '警告', '提示') },
  { role: 'distribution', title: exact('Who fixes what: findings by file, place and lead unit, worst first'), header: row('Group', 'Name', 'Errors', 'Warnings', 'Notes') },
];

/** The kinds of the run, as far as recognising their tabs goes. */
type WithTabSignatures = Pick<AnyKind, 'tabSignatures'>;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** The texts of one row of the sheet (1-based, as Excel numbers it), trailing blanks dropped. */
function rowTexts(sheet: SheetInput, excelRow: number): string[] {
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.col ?? 1;
  const r = sheet.rows[excelRow - top] ?? [];
  const out: string[] = [];
  // Our tabs start in column A: a sheet whose cells start further right is not one of them.
  for (let c = 1; c < left; c++) out.push('');
  for (const v of r) out.push(text(v));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The role of our tab whose title (A1) and header row (row 3) this sheet has exactly, or null. */
export function signatureRole(sheet: SheetInput, kinds: readonly WithTabSignatures[]): string | null {
  const title = rowTexts(sheet, TITLE_ROW);
  if (title.length !== 1) return null;
  const header = rowTexts(sheet, HEADER_ROW);
  if (header.some((h) => h === '' || h.includes('\t'))) return null;
  const joined = header.join('\t');
  const fits = (s: TabSignature) => s.title.test(title[0]) && s.header.test(joined);
  return CORE_SIGNATURES.find(fits)?.role ?? kinds.flatMap((k) => k.tabSignatures).find(fits)?.role ?? null;
}

/**
 * The role of our summary tab the user edited (never checked as data, never replaced), or null
 * for the user's own sheet. A tab proved ours (`owned`) is not an edited one.
 */
export function editedTabRole(sheet: SheetInput, kinds: readonly WithTabSignatures[]): string | null {
  if (sheet.owned) return null;
  return sheet.marked ?? signatureRole(sheet, kinds);
}
