import { MAX_RELATED, otherPlaces } from '../../../findings';
import { Check } from '../../../rules/check';
import type { Task } from '../task';
import type { ResponsibilityKey } from '../columns';
import { defineRules, q, qe } from '../../../rule';

export const DUPLICATE_TASK_RULES = defineRules([
  {
    id: 'task.duplicate',
    severity: 'warning',
    title: { zh: '任务重复', en: 'Duplicate task' },
    message: {
      zh: (p) => `${p.cell} 的任务${q(p.item)}重复出现，另见 ${p.others}。`,
      en: (p) => `Task ${qe(p.item)} at ${p.cell} is listed again at ${p.othersEn}.`,
    },
    fix: {
      zh: () => '合并重复的任务，或写明各自不同的内容，避免重复计分。',
      en: () => 'Merge the duplicates or make their contents distinct, so points are not counted twice.',
    },
  },
]);

/** task.duplicate: the same item (and content) listed twice; one finding at every occurrence. */
export function duplicateTaskCheck(): Check<Task, ResponsibilityKey> {
  // item → content → rows: two small keys hash faster than one concatenated string.
  let seen = new Map<string, Map<string, { rows: number[]; item: string }>>();
  return {
    rules: DUPLICATE_TASK_RULES.map((r) => r.id),
    start() {
      seen = new Map();
    },
    row(row, ctx, t) {
      if (t.itemKey === '' && t.contentKey === '') return;
      let byContent = seen.get(t.itemKey);
      if (!byContent) seen.set(t.itemKey, (byContent = new Map()));
      const entry = byContent.get(t.contentKey);
      if (entry) entry.rows.push(t.row);
      else byContent.set(t.contentKey, { rows: [t.row], item: [t.item, t.content].filter(Boolean).join(' ') });
    },
    end(ctx) {
      const key = ctx.col('item') !== undefined ? 'item' : 'content';
      for (const { rows, item } of [...seen.values()].flatMap((m) => [...m.values()])) {
        if (rows.length < 2) continue;
        const places = rows.map((r) => ctx.place(key, r));
        const candidates = places.slice(0, MAX_RELATED + 1);
        rows.forEach((r, i) => {
          const { related, others, othersEn } = otherPlaces(candidates, places[i], rows.length - 1, ctx.file);
          ctx.report({ rule: 'task.duplicate', row: r, column: key, value: item, params: { item: item.slice(0, 40), others, othersEn }, related });
        });
      }
    },
  };
}
