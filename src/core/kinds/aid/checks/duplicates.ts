import { cellAddress } from '../../../address';
import { MAX_RELATED, otherPlaces, Place } from '../../../findings';
import { textKey } from '../../../read/text';
import { Check, SheetContext } from '../../../rules/check';
import { shownId } from './id';
import { IdTable } from '../id-table';
import type { Household } from '../household';
import type { AidKey } from '../columns';
import type { Settings } from '../../../settings';
import { defineRules, q, qe } from '../../../rule';

export const DUPLICATE_HOUSEHOLD_RULES = defineRules([
  {
    id: 'household.duplicate',
    severity: 'error',
    title: { zh: '同表重复户', en: 'Household listed twice' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 在本表重复出现，另见 ${p.others}。`,
      en: (p) => `ID number ${p.text} at ${p.cell} appears again in this sheet at ${p.othersEn}.`,
    },
    fix: {
      zh: () => '同一户只应登记一次；删除重复行或核对号码。',
      en: () => 'A household is listed once: delete the duplicate or correct the number.',
    },
  },
  {
    id: 'household.cross-duplicate',
    severity: 'warning',
    title: { zh: '跨表重复户', en: 'Household in two places' },
    message: {
      zh: (p) => `${p.cell} 的身份证号 ${p.text} 也出现在 ${p.others}，可能重复救助。`,
      en: (p) => `ID number ${p.text} at ${p.cell} also appears at ${p.othersEn}: aided twice?`,
    },
    fix: {
      zh: () => '与相关乡镇（县区）核实是否重复救助，见“重复户核查”表。',
      en: () => 'Confirm with the other township or county; see the 重复户核查 tab.',
    },
  },
  {
    id: 'household.name-duplicate',
    severity: 'warning',
    title: { zh: '同村同名户', en: 'Same name, same village' },
    message: {
      zh: (p) => `${p.cell} 的户主${q(p.head)}与 ${p.others} 同村同名，且缺少身份证号，可能重复。`,
      en: (p) => `Head ${qe(p.head)} at ${p.cell} has the same name and village as ${p.othersEn}, with no ID number.`,
    },
    fix: {
      zh: () => '补填身份证号以区分，或删除重复行。',
      en: () => 'Add the ID numbers to tell them apart, or delete the duplicate.',
    },
  },
]);

/** Rows are stored as one number (sheet × ROW_SPAN + row): 100,000 households, no objects. */
const ROW_SPAN = 1 << 21;

/**
 * household.duplicate (the same ID twice in a sheet), household.cross-duplicate (in two sheets
 * or two files: aided twice?) and household.name-duplicate (same head, same village, no ID).
 * One finding at every place, each naming the others.
 */
export function householdDuplicateCheck(settings: Pick<Settings, 'showIds'>): Check<Household, AidKey> {
  const sheets: Array<{ file: string; sheet: string; idCol: number; ctx: SheetContext }> = [];
  // Every ID's first row (packed); the rows of IDs seen more than once, by that first row.
  const firstRows = new IdTable();
  const repeats = new Map<number, Repeat>();
  let repeated = new Set<Repeat>();
  let byName = new Map<string, { rows: number[]; head: string }>();
  const showIds = settings.showIds;
  const sheetOf = (packed: number) => Math.floor(packed / ROW_SPAN);
  const place = (packed: number): Place => {
    const s = sheets[sheetOf(packed)];
    return { file: s.file, sheet: s.sheet, cell: cellAddress(packed % ROW_SPAN, s.idCol) };
  };
  return {
    rules: DUPLICATE_HOUSEHOLD_RULES.map((r) => r.id),
    start(ctx) {
      sheets.push({ file: ctx.file, sheet: ctx.table.sheet, idCol: ctx.col('idNumber') ?? ctx.table.left, ctx: ctx as SheetContext });
      // Room for the sheet's IDs at once, not doubled (and every ID placed again) on the way.
      firstRows.reserve(ctx.table.dataRows.length);
      repeated = new Set();
      byName = new Map();
    },
    row(row, ctx, h) {
      const index = sheets.length - 1;
      if (h.id.kind === 'id') {
        const id = h.id.id18;
        const packed = index * ROW_SPAN + row.row;
        const first = firstRows.firstOrAdd(id, packed);
        if (first < 0) {
          h.idFirst = null;
        } else {
          let r = repeats.get(first);
          if (!r) repeats.set(first, (r = { id, rows: [first] }));
          // The consolidation lists households found twice from this: no second index of every ID.
          h.idFirst = { sheet: sheets[sheetOf(first)].ctx, row: first % ROW_SPAN };
          if (r.rows.some((p) => sheetOf(p) === index)) repeated.add(r);
          r.rows.push(packed);
        }
      } else if (h.id.kind === 'empty' && h.head !== '') {
        const key = textKey(h.village) + '|' + textKey(h.head);
        const entry = byName.get(key);
        if (entry) entry.rows.push(row.row);
        else byName.set(key, { rows: [row.row], head: h.head });
      }
    },
    end(ctx) {
      const index = sheets.length - 1;
      for (const { id, rows } of repeated) {
        const here = rows.filter((p) => sheetOf(p) === index);
        const places = here.map(place);
        const candidates = places.slice(0, MAX_RELATED + 1);
        const text = shownId(id, showIds);
        here.forEach((p, i) => {
          const { related, others, othersEn } = otherPlaces(candidates, places[i], places.length - 1, ctx.file);
          ctx.report({ rule: 'household.duplicate', row: p % ROW_SPAN, column: 'idNumber', value: text, params: { text, others, othersEn }, related });
        });
      }
      for (const { rows, head } of byName.values()) if (rows.length > 1) reportNames(ctx, rows, head);
    },
    finish(ctx) {
      // In the order the IDs were first seen (sheets in order, rows top-down: packed rows ascending).
      const groups = [...repeats.values()].sort((a, b) => a.rows[0] - b.rows[0]);
      for (const { id, rows: entry } of groups) {
        if (new Set(entry.map(sheetOf)).size < 2) continue;
        const places = entry.map(place);
        const text = shownId(id, showIds);
        // Per sheet of the group: how many places it holds, and the first places of the other sheets.
        const count = new Map<number, number>();
        for (const p of entry) count.set(sheetOf(p), (count.get(sheetOf(p)) ?? 0) + 1);
        const fromOthers = new Map<number, Place[]>();
        for (const s of count.keys()) {
          const list: Place[] = [];
          for (let j = 0; j < entry.length && list.length < MAX_RELATED; j++) if (sheetOf(entry[j]) !== s) list.push(places[j]);
          fromOthers.set(s, list);
        }
        entry.forEach((p, i) => {
          const s = sheetOf(p);
          const { related, others, othersEn } = otherPlaces(fromOthers.get(s)!, places[i], entry.length - count.get(s)!, places[i].file);
          ctx.report({ rule: 'household.cross-duplicate', at: places[i], row: p % ROW_SPAN, column: 'idNumber', value: text, params: { text, others, othersEn }, related });
        });
      }
    },
  };
}

/** An ID found in more than one row: its rows (packed), the first one first. */
interface Repeat {
  id: string;
  rows: number[];
}

function reportNames(ctx: SheetContext, rows: number[], head: string) {
  const places = rows.map((r) => ctx.place('head', r));
  const candidates = places.slice(0, MAX_RELATED + 1);
  rows.forEach((r, i) => {
    const { related, others, othersEn } = otherPlaces(candidates, places[i], rows.length - 1, ctx.file);
    ctx.report({ rule: 'household.name-duplicate', row: r, column: 'head', value: head, params: { head, others, othersEn }, related });
  });
}
