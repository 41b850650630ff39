import { cellAddress } from '../../../address';
import { RESPONSIBILITY_COLUMNS, ResponsibilityKey } from '../columns';
import { roundMoney } from '../../../read/number';
import { Check } from '../../../rules/check';
import type { Task } from '../task';
import type { Settings } from '../../../settings';
import { defineRules, q, qe } from '../../../rule';

export const SCORE_RULES = defineRules([
  {
    id: 'score.not-number',
    severity: 'error',
    title: { zh: '分数不是数字', en: 'Score not a number' },
    message: {
      zh: (p) => `${p.cell} 的${p.field}${q(p.text)}不是数字。`,
      en: (p) => `${p.fieldEn} ${qe(p.text)} at ${p.cell} is not a number.`,
    },
    fix: {
      zh: () => '填写数字，如 8 或 7.5，不要带文字。',
      en: () => 'Enter a number such as 8 or 7.5, without words.',
    },
  },
  {
    id: 'score.out-of-range',
    severity: 'error',
    title: { zh: '得分超出范围', en: 'Score out of range' },
    message: {
      zh: (p) => `${p.cell} 的得分 ${p.score} 超出 0–${p.max} 的范围。`,
      en: (p) => `The score ${p.score} at ${p.cell} is outside 0–${p.max}.`,
    },
    fix: {
      zh: (p) => `得分应在 0 到分值 ${p.max} 之间。`,
      en: (p) => `A score lies between 0 and the item's ${p.max} points.`,
    },
  },
  {
    id: 'score.deduction-unexplained',
    severity: 'warning',
    title: { zh: '扣分未说明原因', en: 'Deduction unexplained' },
    message: {
      zh: (p) => `${p.cell} 得分 ${p.score} 低于分值 ${p.max}，但没有填写扣分原因。`,
      en: (p) => `Score ${p.score} at ${p.cell} is below ${p.max} points but no reason is given.`,
    },
    fix: {
      zh: () => '在“扣分原因”中写明为什么丢分，便于落实整改（谁丢分、谁负责）。',
      en: () => 'Say in the deduction-reason column why points were lost.',
    },
  },
  {
    id: 'score.grade-invalid',
    severity: 'error',
    title: { zh: '等次无效', en: 'Invalid grade' },
    message: {
      zh: (p) => `${p.cell} 的等次${q(p.grade)}不是有效等次（${p.allowed}）。`,
      en: (p) => `Grade ${qe(p.grade)} at ${p.cell} is not one of ${p.allowed}.`,
    },
    fix: {
      zh: (p) => `填写 ${p.allowed} 之一。`,
      en: (p) => `Use one of ${p.allowed}.`,
    },
  },
  {
    id: 'score.max-total',
    severity: 'error',
    title: { zh: '分值合计不符', en: 'Points do not add up' },
    message: {
      zh: (p) => (p.section ? `${p.cell} 的分节${q(p.section)}标明 ${p.expected} 分，而其下各项分值合计为 ${p.total}。` : `分值列合计为 ${p.total}，应为 ${p.expected}。`),
      en: (p) => (p.section ? `Section ${qe(p.section)} at ${p.cell} states ${p.expected} points, but its items add up to ${p.total}.` : `The points column adds up to ${p.total}, not ${p.expected}.`),
    },
    fix: {
      zh: () => '核对各项分值是否漏填、重复或填错；如总分不是 100，请在设置中修改总分。',
      en: () => 'Look for missing, doubled or mistyped points; if the total is not 100, change it in the settings.',
    },
  },
]);

const fmt = (n: number) => String(roundMoney(n));

/**
 * Scores: score.not-number, score.out-of-range, score.deduction-unexplained,
 * score.grade-invalid, and score.max-total over the sheet's 分值 column.
 */
export function scoreCheck(settings: Pick<Settings, 'totalPoints' | 'stateGrades'>): Check<Task, ResponsibilityKey> {
  let totalPoints = 0;
  let pointsSeen = false;
  // 分值 of the data rows directly in each section (index as in table.sections).
  let bySection: number[] = [];
  let sectionAt = new Map<number, number>();
  return {
    rules: SCORE_RULES.map((r) => r.id),
    start(ctx) {
      totalPoints = 0;
      pointsSeen = false;
      bySection = ctx.table.sections.map(() => 0);
      sectionAt = new Map(ctx.table.dataRows.map((r, i) => [r, ctx.table.dataSection[i]]));
    },
    row(row, ctx, t) {
      for (const key of ['maxScore', 'score'] as const) {
        const r = key === 'maxScore' ? t.maxScore : t.score;
        if (!r.ok && r.reason !== 'empty') {
          ctx.report({ rule: 'score.not-number', row: t.row, column: key, value: row.get(key), params: { field: RESPONSIBILITY_COLUMNS[key].label.zh, fieldEn: RESPONSIBILITY_COLUMNS[key].label.en, text: row.text(key) } });
        }
      }
      if (t.maxScore.ok) {
        totalPoints += t.maxScore.value;
        pointsSeen = true;
        const sec = sectionAt.get(t.row) ?? -1;
        if (sec >= 0) bySection[sec] += t.maxScore.value;
      }
      if (t.score.ok) {
        const max = t.maxScore.ok ? t.maxScore.value : Infinity;
        if (t.score.value < 0 || t.score.value > max) {
          ctx.report({ rule: 'score.out-of-range', row: t.row, column: 'score', value: row.get('score'), params: { score: fmt(t.score.value), max: t.maxScore.ok ? fmt(max) : '∞' } });
        } else if (t.maxScore.ok && t.score.value < max && t.deductionReason === '' && ctx.col('deductionReason') !== undefined) {
          ctx.report({ rule: 'score.deduction-unexplained', row: t.row, column: 'score', value: row.get('score'), params: { score: fmt(t.score.value), max: fmt(max) } });
        }
      }
      if (t.grade !== '' && t.gradeShare === null) {
        const allowed = Object.keys(settings.stateGrades).join('/');
        ctx.report({ rule: 'score.grade-invalid', row: t.row, column: t.gradeKey, value: row.get(t.gradeKey), params: { grade: row.text(t.gradeKey), allowed } });
      } else if (t.gradeShare !== null && t.gradeShare < 1 && !t.score.ok && t.deductionReason === '' && ctx.col('deductionReason') !== undefined && t.maxScore.ok) {
        // A grade below A is a deduction like any other: 存在问题 must say why.
        const earned = roundMoney(t.gradeShare * t.maxScore.value);
        ctx.report({ rule: 'score.deduction-unexplained', row: t.row, column: t.gradeKey, value: row.get(t.gradeKey), params: { score: `${t.grade}（${fmt(earned)}）`, max: fmt(t.maxScore.value) } });
      }
    },
    end(ctx) {
      // A section stating its points （20分） against the 分值 of the items under it (subsections included).
      const secs = ctx.table.sections;
      secs.forEach((s, i) => {
        if (s.points === null || ctx.col('maxScore') === undefined) return;
        let sum = 0;
        let any = false;
        for (let j = i; j < secs.length && (j === i || secs[j].level > s.level); j++) {
          sum += bySection[j];
          if (bySection[j] !== 0) any = true;
        }
        if (!any || Math.abs(sum - s.points) <= 0.005) return;
        const col = s.pointsCol ?? s.col;
        ctx.report({ rule: 'score.max-total', row: s.row, column: 'maxScore', value: roundMoney(sum), params: { total: fmt(sum), expected: fmt(s.points), section: s.name }, cell: cellAddress(s.row, col) });
      });
      const expected = settings.totalPoints;
      if (expected === null || !pointsSeen || ctx.col('maxScore') === undefined) return;
      if (Math.abs(totalPoints - expected) > 0.005) {
        const headerRow = ctx.table.headerRows[ctx.table.headerRows.length - 1];
        ctx.report({ rule: 'score.max-total', row: null, column: 'maxScore', value: roundMoney(totalPoints), params: { total: fmt(totalPoints), expected: fmt(expected) }, cell: ctx.cell('maxScore', headerRow) });
      }
    },
  };
}
