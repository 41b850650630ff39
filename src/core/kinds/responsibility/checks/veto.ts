import { Check } from '../../../rules/check';
import { taskLabel, vetoFailure } from '../task';
import type { Task } from '../task';
import type { ResponsibilityKey } from '../columns';
import { defineRules, q, qe } from '../../../rule';

export const VETO_RULES = defineRules([
  {
    id: 'veto.failed',
    severity: 'warning',
    title: { zh: '一票否决项未达标', en: 'Veto item failed' },
    message: {
      zh: (p) => `${p.cell} 的一票否决项${q(p.item)}未达标（${p.why}），${p.unit}的等次将评为“差”。`,
      en: (p) => `Veto item ${qe(p.item)} at ${p.cell} is not met (${p.whyEn}); ${p.unit} is graded 差.`,
    },
    fix: {
      zh: () => '一票否决项必须达标，请立即整改并核实得分。',
      en: () => 'A veto item must be met: fix it first and re-check the score.',
    },
  },
]);

/** veto.failed: an item marked 一票否决 that is not met makes its unit's grade 差. */
export function vetoCheck(): Check<Task, ResponsibilityKey> {
  return {
    rules: VETO_RULES.map((r) => r.id),
    row(row, ctx, t) {
      const why = vetoFailure(t);
      if (!why) return;
      const key = ctx.col('score') !== undefined ? 'score' : ctx.col('status') !== undefined ? 'status' : 'item';
      ctx.report({ rule: 'veto.failed', row: t.row, column: key, value: row.get(key), params: { item: taskLabel(t), unit: t.leadUnit || '牵头单位', why: why.zh, whyEn: why.en } });
    },
  };
}
