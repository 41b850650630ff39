import { CheckResult } from '../engine';
import { COLUMN_LABELS, ColumnKey } from '../columns';
import { summarize } from '../report';
import { inLang, Lang, renderMessage, ruleTitle } from '../messages';
import { FIRST_DATA_ROW, LinkSpec, OutCell, SheetDescription } from './sheet';
import { CellValue, SheetInput } from '../workbook';
import { TAB_NAMES } from './tab-names';
import { aidSummaryTab, duplicatesTab } from '../kinds/aid/tabs';
import { distributionTab } from './distribution-tab';
import { link, linkPromise } from './links';

export interface TabContext {
  result: CheckResult;
  lang: Lang;
  /** The file whose sheets live in the workbook being written: findings there get links. */
  linkFile: string | null;
  /**
   * Other checked files, by name → their path relative to the workbook being written (a
   * consolidation): findings there get external links to the source file's cell.
   */
  linkTargets?: Record<string, string>;
  /** When the run happened (local time text), for titles and the log. */
  runAt: string;
  toolVersion: string;
  /** Rows of an earlier 检查记录 tab to keep above this run's row. */
  previousLog?: OutCell[][];
}

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
    const column = f.column ? (COLUMN_LABELS[f.column as ColumnKey]?.[lang] ?? f.column) : '';
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

export function unitsTab(ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const units = ctx.result.responsibility?.units ?? [];
  const rows: OutCell[][] = units.map((u) => [u.rank, u.unit, u.tasks, u.completed, u.inProgress, u.overdue, u.maxPoints, u.scoredPoints, u.unscored, u.points, u.lost, u.rate, u.grade, u.veto ? t(lang, '是', 'yes') : '']);
  return {
    role: 'units',
    name: TAB_NAMES.units[lang],
    title: t(lang, '责任单位得分汇总', 'Scores by lead unit'),
    subtitle: t(
      lang,
      `截止 ${ctx.result.asOf}；得分率 = 得分 ÷ 已评分分值（还没有得分的“待评分”项目不计入）；得分率相同的排名相同；一票否决项未达标的单位评为“差”并排在最后`,
      `As of ${ctx.result.asOf}; rate = earned ÷ points scored (items not scored yet are left out); equal rates share a rank; a failed veto item grades the unit 差 and ranks it last`,
    ),
    columns: [
      { header: t(lang, '排名', 'Rank'), width: 6, format: 'integer' },
      { header: t(lang, '牵头单位', 'Lead unit'), width: 22 },
      { header: t(lang, '任务数', 'Tasks'), width: 8, format: 'integer' },
      { header: t(lang, '已完成', 'Done'), width: 8, format: 'integer' },
      { header: t(lang, '推进中', 'In progress'), width: 8, format: 'integer' },
      { header: t(lang, '逾期', 'Overdue'), width: 8, format: 'integer' },
      { header: t(lang, '分值', 'Points'), width: 8, format: 'number' },
      { header: t(lang, '已评分分值', 'Points scored'), width: 10, format: 'number' },
      { header: t(lang, '待评分', 'Not scored'), width: 8, format: 'integer' },
      { header: t(lang, '得分', 'Earned'), width: 8, format: 'number' },
      { header: t(lang, '丢分', 'Lost'), width: 8, format: 'number' },
      { header: t(lang, '得分率', 'Rate'), width: 9, format: 'percent' },
      { header: t(lang, '等次', 'Grade'), width: 8 },
      { header: t(lang, '一票否决', 'Veto'), width: 9 },
    ],
    rows,
    links: [],
    landscape: true,
    tableName: 'LC_Units',
  };
}

export function lostTab(ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  for (const l of ctx.result.responsibility?.lost ?? []) {
    rows.push([l.unit, l.owner, l.item, l.maxScore, l.score, l.lost, l.reason, `${l.sheet}!${l.cell}`]);
    link(rows, 7, l.file, l.sheet, l.cell, ctx, links);
  }
  return {
    role: 'lost',
    name: TAB_NAMES.lost[lang],
    title: t(lang, '丢分清单（谁丢分、谁负责）', 'Lost points, item by item'),
    subtitle: t(lang, `截止 ${ctx.result.asOf}，按丢分多少排列`, `As of ${ctx.result.asOf}, most points lost first`),
    columns: [
      { header: t(lang, '牵头单位', 'Lead unit'), width: 20 },
      { header: t(lang, '责任人', 'Owner'), width: 10 },
      { header: t(lang, '项目', 'Item'), width: 40 },
      { header: t(lang, '分值', 'Points'), width: 7, format: 'number' },
      { header: t(lang, '得分', 'Score'), width: 7, format: 'number' },
      { header: t(lang, '丢分', 'Lost'), width: 7, format: 'number' },
      { header: t(lang, '扣分原因', 'Reason'), width: 36 },
      { header: t(lang, '位置', 'Where'), width: 14 },
    ],
    rows,
    links,
    landscape: true,
    tableName: 'LC_Lost',
  };
}

export function overdueTab(ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  for (const o of ctx.result.responsibility?.overdue ?? []) {
    rows.push([o.unit, o.owner, o.item, o.deadline, o.days, o.status, `${o.sheet}!${o.cell}`]);
    link(rows, 6, o.file, o.sheet, o.cell, ctx, links);
  }
  return {
    role: 'overdue',
    name: TAB_NAMES.overdue[lang],
    title: t(lang, '督办清单（逾期未完成任务）', 'Supervision list: overdue tasks'),
    subtitle: t(lang, `截止 ${ctx.result.asOf}，请责任单位限期整改；按逾期天数排列`, `As of ${ctx.result.asOf}; longest overdue first`),
    columns: [
      { header: t(lang, '牵头单位', 'Lead unit'), width: 20 },
      { header: t(lang, '责任人', 'Owner'), width: 10 },
      { header: t(lang, '任务', 'Task'), width: 40 },
      { header: t(lang, '完成时限', 'Deadline'), width: 12 },
      { header: t(lang, '逾期天数', 'Days overdue'), width: 9, format: 'integer' },
      { header: t(lang, '完成情况', 'Status'), width: 14 },
      { header: t(lang, '位置', 'Where'), width: 14 },
    ],
    rows,
    links,
    landscape: true,
    tableName: 'LC_Overdue',
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

/** Every summary tab this run has something for, in the order they are added. */
export function summaryTabs(ctx: TabContext): SheetDescription[] {
  const tabs = [findingsTab(ctx), distributionTab(ctx)];
  if (ctx.result.responsibility) tabs.push(unitsTab(ctx), lostTab(ctx), overdueTab(ctx));
  const aid = aidSummaryTab(ctx);
  const duplicates = duplicatesTab(ctx);
  if (aid) tabs.push(aid);
  if (duplicates) tabs.push(duplicates);
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
