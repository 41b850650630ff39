import { Check } from '../../../rules/check';
import { taskLabel, vetoFailure } from '../task';

/** veto.failed: an item marked 一票否决 that is not met makes its unit's grade 差. */
export function vetoCheck(): Check {
  return {
    rules: ['veto.failed'],
    kinds: ['responsibility'],
    row(row, ctx) {
      const t = row.task!;
      const why = vetoFailure(t);
      if (!why) return;
      const key = ctx.col('score') !== undefined ? 'score' : ctx.col('status') !== undefined ? 'status' : 'item';
      ctx.report('veto.failed', t.row, key, row.get(key), { item: taskLabel(t), unit: t.leadUnit || '牵头单位', why: why.zh, whyEn: why.en });
    },
  };
}
