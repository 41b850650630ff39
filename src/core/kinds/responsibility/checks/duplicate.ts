import { MAX_RELATED, otherPlaces } from '../../../findings';
import { Check } from '../../../rules/check';

/** task.duplicate: the same item (and content) listed twice; one finding at every occurrence. */
export function duplicateTaskCheck(): Check {
  // item → content → rows: two small keys hash faster than one concatenated string.
  let seen = new Map<string, Map<string, { rows: number[]; item: string }>>();
  return {
    rules: ['task.duplicate'],
    kinds: ['responsibility'],
    start() {
      seen = new Map();
    },
    row(row) {
      const t = row.task!;
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
          ctx.report('task.duplicate', r, key, item, { item: item.slice(0, 40), others, othersEn }, { related });
        });
      }
    },
  };
}
