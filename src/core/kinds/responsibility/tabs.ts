import { inLang as t } from '../../lang';
import { link } from '../../summary/links';
import { LinkSpec, OutCell, SheetDescription, TabContext } from '../../summary/sheet';
import { columnsIn, FixedColumn, fixedTabSignatures, TabSignature } from '../../summary/tab-signature';
import { ResponsibilityScores } from './scoring';

const TAB_NAMES = {
  units: { zh: '责任汇总', en: 'Unit scores' },
  lost: { zh: '丢分清单', en: 'Lost points' },
  overdue: { zh: '督办清单', en: 'Overdue tasks' },
};

/** Each tab's title and columns in both languages: what it writes, and how it is known after an edit. */
const UNITS = {
  title: { zh: '责任单位得分汇总', en: 'Scores by lead unit' },
  columns: [
    { header: { zh: '排名', en: 'Rank' }, width: 6, format: 'integer' },
    { header: { zh: '牵头单位', en: 'Lead unit' }, width: 22 },
    { header: { zh: '任务数', en: 'Tasks' }, width: 8, format: 'integer' },
    { header: { zh: '已完成', en: 'Done' }, width: 8, format: 'integer' },
    { header: { zh: '推进中', en: 'In progress' }, width: 8, format: 'integer' },
    { header: { zh: '逾期', en: 'Overdue' }, width: 8, format: 'integer' },
    { header: { zh: '分值', en: 'Points' }, width: 8, format: 'number' },
    { header: { zh: '已评分分值', en: 'Points scored' }, width: 10, format: 'number' },
    { header: { zh: '待评分', en: 'Not scored' }, width: 8, format: 'integer' },
    { header: { zh: '得分', en: 'Earned' }, width: 8, format: 'number' },
    { header: { zh: '丢分', en: 'Lost' }, width: 8, format: 'number' },
    { header: { zh: '得分率', en: 'Rate' }, width: 9, format: 'percent' },
    { header: { zh: '等次', en: 'Grade' }, width: 8 },
    { header: { zh: '一票否决', en: 'Veto' }, width: 9 },
  ] satisfies FixedColumn[],
};

const LOST = {
  title: { zh: '丢分清单（谁丢分、谁负责）', en: 'Lost points, item by item' },
  columns: [
    { header: { zh: '牵头单位', en: 'Lead unit' }, width: 20 },
    { header: { zh: '责任人', en: 'Owner' }, width: 10 },
    { header: { zh: '项目', en: 'Item' }, width: 40 },
    { header: { zh: '分值', en: 'Points' }, width: 7, format: 'number' },
    { header: { zh: '得分', en: 'Score' }, width: 7, format: 'number' },
    { header: { zh: '丢分', en: 'Lost' }, width: 7, format: 'number' },
    { header: { zh: '扣分原因', en: 'Reason' }, width: 36 },
    { header: { zh: '位置', en: 'Where' }, width: 14 },
  ] satisfies FixedColumn[],
};

const OVERDUE = {
  title: { zh: '督办清单（逾期未完成任务）', en: 'Supervision list: overdue tasks' },
  columns: [
    { header: { zh: '牵头单位', en: 'Lead unit' }, width: 20 },
    { header: { zh: '责任人', en: 'Owner' }, width: 10 },
    { header: { zh: '任务', en: 'Task' }, width: 40 },
    { header: { zh: '完成时限', en: 'Deadline' }, width: 12 },
    { header: { zh: '逾期天数', en: 'Days overdue' }, width: 9, format: 'integer' },
    { header: { zh: '完成情况', en: 'Status' }, width: 14 },
    { header: { zh: '位置', en: 'Where' }, width: 14 },
  ] satisfies FixedColumn[],
};

/** 责任汇总, 丢分清单 and 督办清单 as an office may have edited them (KindSpec.tabSignatures). */
export const RESPONSIBILITY_TAB_SIGNATURES: readonly TabSignature[] = [
  ...fixedTabSignatures('units', UNITS.title, UNITS.columns),
  ...fixedTabSignatures('lost', LOST.title, LOST.columns),
  ...fixedTabSignatures('overdue', OVERDUE.title, OVERDUE.columns),
];

/** 责任汇总, 丢分清单 and 督办清单. */
export function responsibilityTabs(scores: ResponsibilityScores, ctx: TabContext): SheetDescription[] {
  return [unitsTab(scores, ctx), lostTab(scores, ctx), overdueTab(scores, ctx)];
}

function unitsTab(scores: ResponsibilityScores, ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const units = scores.units;
  const rows: OutCell[][] = units.map((u) => [u.rank, u.unit, u.tasks, u.completed, u.inProgress, u.overdue, u.maxPoints, u.scoredPoints, u.unscored, u.points, u.lost, u.rate, u.grade, u.veto ? t(lang, '是', 'yes') : '']);
  return {
    role: 'units',
    name: TAB_NAMES.units[lang],
    title: UNITS.title[lang],
    subtitle: t(
      lang,
      `截止 ${ctx.result.asOf}；得分率 = 得分 ÷ 已评分分值（还没有得分的“待评分”项目不计入）；得分率相同的排名相同；一票否决项未达标的单位评为“差”并排在最后`,
      `As of ${ctx.result.asOf}; rate = earned ÷ points scored (items not scored yet are left out); equal rates share a rank; a failed veto item grades the unit 差 and ranks it last`,
    ),
    columns: columnsIn(lang, UNITS.columns),
    rows,
    links: [],
    landscape: true,
    tableName: 'LC_Units',
  };
}

function lostTab(scores: ResponsibilityScores, ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  for (const l of scores.lost) {
    rows.push([l.unit, l.owner, l.item, l.maxScore, l.score, l.lost, l.reason, `${l.sheet}!${l.cell}`]);
    link(rows, 7, l.file, l.sheet, l.cell, ctx, links);
  }
  return {
    role: 'lost',
    name: TAB_NAMES.lost[lang],
    title: LOST.title[lang],
    subtitle: t(lang, `截止 ${ctx.result.asOf}，按丢分多少排列`, `As of ${ctx.result.asOf}, most points lost first`),
    columns: columnsIn(lang, LOST.columns),
    rows,
    links,
    landscape: true,
    tableName: 'LC_Lost',
  };
}

function overdueTab(scores: ResponsibilityScores, ctx: TabContext): SheetDescription {
  const { lang } = ctx;
  const rows: OutCell[][] = [];
  const links: LinkSpec[] = [];
  for (const o of scores.overdue) {
    rows.push([o.unit, o.owner, o.item, o.deadline, o.days, o.status, `${o.sheet}!${o.cell}`]);
    link(rows, 6, o.file, o.sheet, o.cell, ctx, links);
  }
  return {
    role: 'overdue',
    name: TAB_NAMES.overdue[lang],
    title: OVERDUE.title[lang],
    subtitle: t(lang, `截止 ${ctx.result.asOf}，请责任单位限期整改；按逾期天数排列`, `As of ${ctx.result.asOf}; longest overdue first`),
    columns: columnsIn(lang, OVERDUE.columns),
    rows,
    links,
    landscape: true,
    tableName: 'LC_Overdue',
  };
}
