import { Place, placeText } from '../../findings';
import { textKey } from '../../read/text';
import { Check } from '../check';
import { shownId } from './id';

interface Seen {
  place: Place;
  row: number;
  head: string;
}

/**
 * household.duplicate (the same ID twice in a sheet), household.cross-duplicate (in two sheets
 * or two files: aided twice?) and household.name-duplicate (same head, same village, no ID).
 * One finding at every place, each naming the others.
 */
export function householdDuplicateCheck(): Check {
  const byId = new Map<string, Seen[]>();
  let sheetIds = new Map<string, Seen[]>();
  let byName = new Map<string, Seen[]>();
  let showIds = false;
  const sheetKey = (p: Place) => `${p.file}\u0000${p.sheet}`;
  return {
    rules: ['household.duplicate', 'household.cross-duplicate', 'household.name-duplicate'],
    kinds: ['aid'],
    start(ctx) {
      sheetIds = new Map();
      byName = new Map();
      showIds = ctx.settings.showIds;
    },
    row(row, ctx) {
      const h = row.household!;
      const seen: Seen = { place: ctx.place('idNumber', row.row), row: row.row, head: h.head };
      if (h.id.kind === 'id') {
        const list = sheetIds.get(h.id.id18);
        if (list) list.push(seen);
        else sheetIds.set(h.id.id18, [seen]);
      } else if (h.id.kind === 'empty' && h.head !== '') {
        const key = textKey(h.village) + '|' + textKey(h.head);
        const list = byName.get(key);
        const named: Seen = { ...seen, place: ctx.place('head', row.row) };
        if (list) list.push(named);
        else byName.set(key, [named]);
      }
    },
    end(ctx) {
      for (const [id, list] of sheetIds) {
        const all = byId.get(id);
        if (all) all.push(...list);
        else byId.set(id, [...list]);
        if (list.length < 2) continue;
        for (const s of list) {
          const others = list.filter((o) => o !== s).map((o) => o.place);
          ctx.report('household.duplicate', s.row, 'idNumber', shownId(id, showIds), { text: shownId(id, showIds), others: others.map((p) => placeText(p, ctx.file)).join('、') }, { related: others });
        }
      }
      for (const list of byName.values()) {
        if (list.length < 2) continue;
        for (const s of list) {
          const others = list.filter((o) => o !== s).map((o) => o.place);
          ctx.report('household.name-duplicate', s.row, 'head', s.head, { head: s.head, others: others.map((p) => placeText(p, ctx.file)).join('、') }, { related: others });
        }
      }
    },
    finish(ctx) {
      for (const [id, list] of byId) {
        const sheets = new Set(list.map((s) => sheetKey(s.place)));
        if (sheets.size < 2) continue;
        const text = shownId(id, showIds);
        for (const s of list) {
          const others = list.filter((o) => sheetKey(o.place) !== sheetKey(s.place)).map((o) => o.place);
          ctx.report('household.cross-duplicate', s.place, s.row, 'idNumber', text, { text, others: others.map((p) => placeText(p, s.place.file)).join('、') }, others);
        }
      }
    },
  };
}
