import { COLUMN_LABELS } from '../../columns';
import { roundMoney } from '../../read/number';
import { Check } from '../check';

const fmt = (n: number) => String(roundMoney(n));

/**
 * Scores: score.not-number, score.out-of-range, score.deduction-unexplained,
 * score.grade-invalid, and score.max-total over the sheet's 分值 column.
 */
export function scoreCheck(): Check {
  let totalPoints = 0;
  let pointsSeen = false;
  return {
    rules: ['score.not-number', 'score.out-of-range', 'score.deduction-unexplained', 'score.grade-invalid', 'score.max-total'],
    kinds: ['responsibility'],
    start() {
      totalPoints = 0;
      pointsSeen = false;
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
        ctx.report('score.grade-invalid', t.row, 'grade', row.get('grade'), { grade: row.text('grade'), allowed });
      }
    },
    end(ctx) {
      const expected = ctx.settings.totalPoints;
      if (expected === null || !pointsSeen || ctx.col('maxScore') === undefined) return;
      if (Math.abs(totalPoints - expected) > 0.005) {
        const headerRow = ctx.table.headerRows[ctx.table.headerRows.length - 1];
        ctx.report('score.max-total', null, 'maxScore', roundMoney(totalPoints), { total: fmt(totalPoints), expected: fmt(expected) }, { cell: ctx.cell('maxScore', headerRow) });
      }
    },
  };
}
