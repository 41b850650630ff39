import type { AnyKind } from '../kind';
import { KINDS } from '../kinds/registry';
import { summarize } from '../report';
import { inLang, Lang, renderMessage, ruleTitle } from '../messages';
import { FIRST_DATA_ROW, LinkSpec, OutCell, SheetDescription, TabContext } from './sheet';
import { CellValue, SheetInput } from '../workbook';
import { TAB_NAMES } from './tab-names';
import { distributionTab } from './distribution-tab';
import { link, linkPromise } from './links';

export type { TabContext } from './sheet';

const SEVERITY_TEXT: Record<Lang, Record<string, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

const t = inLang;

function verdict(ctx: TabContext): string {
  return summarize(ctx.result, ctx.lang).verdict;
}

function fileNames(ctx: TabContext): string {
  return ctx.result.files.map((f) => f.file).join('、');
}

export function findingsTab(ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const multi = ctx.result.files.length > 1;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  const rowTones: SheetDescription['rowTones'] = [];
  for (const f of ctx.result.findings) {
    const { message, hint } = renderMessage(f.rule, f.params, lang);
    const column = f.column ? (columnLabel(f.column, lang) ?? f.column) : '';
    const row: OutCell[] = [SEVERITY_TEXT[lang][f.severity], ruleTitle(f.rule, lang)];
    if (multi) row.push(f.file);
    // No rule id column: 问题 names the rule in words; the id is in the --json report for tools.
    row.push(f.sheet, f.cell, column, f.value === null ? '' : String(f.value), message, hint);
    rows.push(row);
    rowTones.push(f.severity === 'info' ? null : f.severity);
    link(rows, multi ? 4 : 3, f.file, f.sheet, f.cell, ctx, links);
  }
  // About 140 characters wide: one A4 landscape page wide at about 95%, so nothing prints at 6 pt.
  const columns = [
    { header: t(lang, '级别', 'Severity'), width: 6 },
    { header: t(lang, '问题', 'Problem'), width: 14, wrap: true },
    ...(multi ? [{ header: t(lang, '文件', 'File'), width: 16, wrap: true }] : []),
    { header: t(lang, '工作表', 'Sheet'), width: 10, wrap: true },
    { header: t(lang, '单元格', 'Cell'), width: 7 },
    { header: t(lang, '列', 'Column'), width: 9, wrap: true },
    { header: t(lang, '单元格的值', 'Value'), width: 14, format: 'text' as const, wrap: true },
    { header: t(lang, '说明', 'Message'), width: 44, wrap: true },
    { header: t(lang, '怎么改', 'What to do'), width: 36, wrap: true },
  ];
  return {
    role: 'findings',
    name: TAB_NAMES.findings[lang],
    title: t(lang, `检查结果：${verdict(ctx)}`, `Findings: ${verdict(ctx)}`),
    subtitle: t(lang, `文件 ${fileNames(ctx)}　检查时间 ${ctx.runAt}　截止日期 ${ctx.result.asOf}`, `File ${fileNames(ctx)}   checked ${ctx.runAt}   as of ${ctx.result.asOf}`) + linkPromise(ctx, links, rows.length),
    columns,
    rows,
    links,
    landscape: true,
    tableName: 'LC_Findings',
    rowTones,
  };
}

const STATUS_TEXT = {
  ready: { zh: '可以提交', en: 'ready' },
  errors: { zh: '需修改', en: 'not ready' },
  'no-table': { zh: '没有台账', en: 'no ledger' },
};

export function logTab(ctx: TabContext): SheetDescription {
  const { lang, result } = ctx;
  const c = summarize(result, lang);
  const row: OutCell[] = [ctx.runAt, fileNames(ctx), result.asOf, result.rulesRun.length, result.rowsChecked, c.errors, c.warnings, c.infos, STATUS_TEXT[c.status][lang], ctx.toolVersion];
  return {
    role: 'log',
    name: TAB_NAMES.log[lang],
    title: t(lang, '检查记录', 'Check log'),
    subtitle: t(lang, '每次检查追加一行', 'One row per check'),
    columns: [
      { header: t(lang, '检查时间', 'Checked at'), width: 18 },
      { header: t(lang, '文件', 'Files'), width: 28 },
      { header: t(lang, '截止日期', 'As of'), width: 11 },
      { header: t(lang, '规则数', 'Rules'), width: 7, format: 'integer' },
      { header: t(lang, '检查行数', 'Rows'), width: 9, format: 'integer' },
      { header: t(lang, '错误', 'Errors'), width: 7, format: 'integer' },
      { header: t(lang, '警告', 'Warnings'), width: 7, format: 'integer' },
      { header: t(lang, '提示', 'Notes'), width: 7, format: 'integer' },
      { header: t(lang, '结论', 'Verdict'), width: 10 },
      { header: t(lang, '版本', 'Version'), width: 8 },
    ],
    rows: [...(ctx.previousLog ?? []), row],
    links: [],
    landscape: true,
    tableName: 'LC_Log',
  };
}

/** A column key's label in the first kind that has it (序号 and 备注 read the same in every kind). */
function columnLabel(key: string, lang: Lang): string | undefined {
  for (const k of KINDS as readonly AnyKind[]) {
    const c = k.columns[key];
    if (c) return c.label[lang];
  }
  return undefined;
}

/**
 * Every summary tab this run has something for, in the order they are added: 检查结果, 问题分布,
 * each kind's tabs (in the registry's order, for the kinds the run found), 检查记录.
 */
export function summaryTabs(ctx: TabContext): SheetDescription[] {
  const tabs = [findingsTab(ctx), distributionTab(ctx)];
  const result = ctx.result as unknown as Record<string, unknown>;
  for (const k of KINDS as readonly AnyKind[]) {
    const summary = result[k.id];
    if (summary !== null && summary !== undefined) tabs.push(...k.tabs(summary, ctx));
  }
  tabs.push(logTab(ctx));
  return tabs;
}

/** The rows of an earlier 检查记录 tab, so the log grows instead of restarting. */
export function previousLogRows(sheet: SheetInput | undefined): OutCell[][] {
  if (!sheet) return [];
  const top = sheet.origin?.row ?? 1;
  const left = (sheet.origin?.col ?? 1) - 1;
  const rows = sheet.rows.slice(Math.max(0, FIRST_DATA_ROW - top));
  return rows
    .map((r) => [...Array(left).fill(null), ...r].map(plainCell))
    .filter((r) => r.some((v) => v !== null && v !== '' && v !== '（无）'));
}

function plainCell(v: CellValue | undefined): OutCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return v.error;
  return v;
}
