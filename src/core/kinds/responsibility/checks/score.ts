import { cellAddress } from '../../../address';
import { COLUMN_LABELS } from '../../../columns';
import { roundMoney } from '../../../read/number';
import { Check } from '../../../rules/check';

const fmt = (n: number) => String(roundMoney(n));

/**
 * Scores: score.not-number, score.out-of-range, score.deduction-unexplained,
 * score.grade-invalid, and score.max-total over the sheet's 分值 column.
 */
export function scoreCheck(): Check {
  let totalPoints = 0;
  let pointsSeen = false;
  // 分值 of the data rows directly in each section (index as in table.sections).
  let bySection: number[] = [];
  let sectionAt = new Map<number, number>();
  return {
    rules: ['score.not-number', 'score.out-of-range', 'score.deduction-unexplained', 'score.grade-invalid', 'score.max-total'],
    kinds: ['responsibility'],
    start(ctx) {
      totalPoints = 0;
      pointsSeen = false;
      bySection = ctx.table.sections.map(() => 0);
      sectionAt = new Map(ctx.table.dataRows.map((r, i) => [r, ctx.table.dataSection[i]]));
    },
    row(row, ctx) {
      const t = row.task!;
      for (const key of ['maxScore', 'score'] as const) {
        const r = key === 'maxScore' ? t.maxScore : t.score;
        if (!r.ok && r.reason !== 'empty') {
          ctx.report('score.not-number', t.row, key, row.get(key), { field: COLUMN_LABELS[key].zh, fieldEn: COLUMN_LABELS[key].en, text: row.text(key) });
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
          ctx.report('score.out-of-range', t.row, 'score', row.get('score'), { score: fmt(t.score.value), max: t.maxScore.ok ? fmt(max) : '∞' });
        } else if (t.maxScore.ok && t.score.value < max && t.deductionReason === '' && ctx.col('deductionReason') !== undefined) {
          ctx.report('score.deduction-unexplained', t.row, 'score', row.get('score'), { score: fmt(t.score.value), max: fmt(max) });
        }
      }
      if (t.grade !== '' && t.gradeShare === null) {
        const allowed = Object.keys(ctx.settings.stateGrades).join('/');
        ctx.report('score.grade-invalid', t.row, t.gradeKey, row.get(t.gradeKey), { grade: row.text(t.gradeKey), allowed });
      } else if (t.gradeShare !== null && t.gradeShare < 1 && !t.score.ok && t.deductionReason === '' && ctx.col('deductionReason') !== undefined && t.maxScore.ok) {
        // A grade below A is a deduction like any other: 存在问题 must say why.
        const earned = roundMoney(t.gradeShare * t.maxScore.value);
        ctx.report('score.deduction-unexplained', t.row, t.gradeKey, row.get(t.gradeKey), { score: `${t.grade}（${fmt(earned)}）`, max: fmt(t.maxScore.value) });
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
        ctx.report('score.max-total', s.row, 'maxScore', roundMoney(sum), { total: fmt(sum), expected: fmt(s.points), section: s.name }, { cell: cellAddress(s.row, col) });
      });
      const expected = ctx.settings.totalPoints;
      if (expected === null || !pointsSeen || ctx.col('maxScore') === undefined) return;
      if (Math.abs(totalPoints - expected) > 0.005) {
        const headerRow = ctx.table.headerRows[ctx.table.headerRows.length - 1];
        ctx.report('score.max-total', null, 'maxScore', roundMoney(totalPoints), { total: fmt(totalPoints), expected: fmt(expected) }, { cell: ctx.cell('maxScore', headerRow) });
      }
    },
  };
}
