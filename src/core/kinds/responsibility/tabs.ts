import { inLang as t } from '../../lang';
import { link } from '../../summary/links';
import { LinkSpec, OutCell, SheetDescription, TabContext } from '../../summary/sheet';
import { ResponsibilityScores } from './scoring';

const TAB_NAMES = {
  units: { zh: '责任汇总', en: 'Unit scores' },
  lost: { zh: '丢分清单', en: 'Lost points' },
  overdue: { zh: '督办清单', en: 'Overdue tasks' },
};

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
