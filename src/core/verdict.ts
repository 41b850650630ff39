import type { SheetSummary } from './engine';
import type { Finding } from './findings';
import type { Lang } from './messages';

/**
 * ready: no errors. errors: errors to fix. no-table: nothing to check at all (blank workbook,
 * prose only, no header anywhere): never ready, whatever the counts say.
 */
export type VerdictStatus = 'ready' | 'errors' | 'no-table';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface VerdictInput extends Counts {
  status: VerdictStatus;
  /** Why nothing could be checked (no-table only). */
  why?: { zh: string; en: string };
  /** The headers a ledger needs (no-table only): expectedHeaders of the kinds that ran. */
  expected?: { zh: string; en: string };
}

/** The headers a checkable ledger needs, named in the no-table verdict: each kind's, joined by 或. */
export function expectedHeaders(kinds: ReadonlyArray<{ readonly expects: { zh: string; en: string } }>): { zh: string; en: string } {
  return { zh: kinds.map((k) => k.expects.zh).join('或 '), en: kinds.map((k) => k.expects.en).join(' or ') };
}

export function countsOf(findings: Finding[]): Counts {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

const NOT_A_TABLE = new Set(['unknown', 'empty', 'skipped', 'owned']);

/** Whether any file held a table, and if none did, why: the sheets' own reasons summed up. */
export function noTableReason(files: Array<{ file: string; sheets: SheetSummary[] }>): { zh: string; en: string } | null {
  const sheets = files.flatMap((f) => f.sheets);
  // Any kind's table counts: a sheet is a table unless it was not one (unknown, empty) or not looked at.
  if (sheets.some((s) => !NOT_A_TABLE.has(s.kind))) return null;
  const looked = sheets.filter((s) => s.kind !== 'owned' && s.kind !== 'skipped');
  if (looked.every((s) => s.kind === 'empty')) return { zh: '工作簿是空的', en: 'the workbook is empty' };
  const prose = looked.filter((s) => s.prose);
  if (prose.length > 0 && looked.every((s) => s.prose || s.kind === 'empty')) {
    const names = prose.map((s) => `“${s.name}”`).join('、');
    return { zh: `工作表${names}只有文字，没有表格`, en: `sheet ${prose.map((s) => `"${s.name}"`).join(', ')} holds only text, no table` };
  }
  return { zh: '没有一个工作表识别到表头行', en: 'no sheet has a recognisable header row' };
}

/** The one sentence every view shows: console, task pane, 检查结果's title, the JSON summary. */
export function verdictText(v: VerdictInput, lang: Lang): string {
  const { errors: e, warnings: w, infos: i } = v;
  if (lang === 'en') {
    if (v.status === 'no-table') return `No ledger to check: ${v.why?.en ?? 'no table found'}. A ledger needs headers such as ${v.expected?.en ?? 'a header row'}`;
    return v.status === 'ready' ? `Ready to submit (${w} warnings, ${i} notes)` : `${e} errors to fix before submitting (and ${w} warnings, ${i} notes)`;
  }
  if (v.status === 'no-table') return `没有找到可检查的台账：${v.why?.zh ?? '没有表格'}。台账应有表头，如 ${v.expected?.zh ?? '一行表头'}`;
  return v.status === 'ready' ? `可以提交（${w} 个警告，${i} 个提示）` : `有 ${e} 个错误，请改正后再提交（另有 ${w} 个警告，${i} 个提示）`;
}
