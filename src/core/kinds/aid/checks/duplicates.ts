import { cellAddress } from '../../../address';
import { MAX_RELATED, otherPlaces, Place } from '../../../findings';
import { textKey } from '../../../read/text';
import { Check, SheetContext } from '../../../rules/check';
import { shownId } from './id';
import { IdIndex } from '../id-table';
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
 * One finding at every place, each naming the others. Every ID is indexed as its row is checked
 * and the repeats are sought once, when every sheet is in (id-table.ts says why).
 */
export function householdDuplicateCheck(settings: Pick<Settings, 'showIds'>): Check<Household, AidKey> {
  const sheets: Array<{ file: string; sheet: string; idCol: number; ctx: SheetContext }> = [];
  // Every ID, with its row packed.
  const ids = new IdIndex();
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
      ids.reserve(ctx.table.dataRows.length);
      byName = new Map();
    },
    row(row, ctx, h) {
      if (h.id.kind === 'id') {
        ids.add(h.id.id18, (sheets.length - 1) * ROW_SPAN + row.row);
        // The consolidation lists households found twice from this index: no second one of every ID.
        h.idIndex = ids;
      } else if (h.id.kind === 'empty' && h.head !== '') {
        const key = textKey(h.village) + '|' + textKey(h.head);
        const entry = byName.get(key);
        if (entry) entry.rows.push(row.row);
        else byName.set(key, { rows: [row.row], head: h.head });
      }
    },
    end(ctx) {
      for (const { rows, head } of byName.values()) if (rows.length > 1) reportNames(ctx, rows, head);
    },
    finish(ctx) {
      // In the order the IDs were first seen (sheets in order, rows top-down).
      for (const { id, entries } of ids.repeats()) {
        const rows = entries.map((e) => ids.value(e));
        const text = shownId(id, showIds);
        const places = rows.map(place);
        // Per sheet of the group: how many places it holds.
        const count = new Map<number, number>();
        for (const p of rows) count.set(sheetOf(p), (count.get(sheetOf(p)) ?? 0) + 1);
        for (const [s, n] of count) if (n > 1) reportInSheet(sheets[s].ctx, rows, places, s, text);
        if (count.size < 2) continue;
        // The first places of the other sheets, for each sheet of the group.
        const fromOthers = new Map<number, Place[]>();
        for (const s of count.keys()) {
          const list: Place[] = [];
          for (let j = 0; j < rows.length && list.length < MAX_RELATED; j++) if (sheetOf(rows[j]) !== s) list.push(places[j]);
          fromOthers.set(s, list);
        }
        rows.forEach((p, i) => {
          const s = sheetOf(p);
          const { related, others, othersEn } = otherPlaces(fromOthers.get(s)!, places[i], rows.length - count.get(s)!, places[i].file);
          ctx.report({ rule: 'household.cross-duplicate', at: places[i], row: p % ROW_SPAN, column: 'idNumber', value: text, params: { text, others, othersEn }, related });
        });
      }
    },
  };

  /** household.duplicate at each of a group's rows in sheet s, each naming the others there. */
  function reportInSheet(ctx: SheetContext, rows: number[], places: Place[], s: number, text: string) {
    const here: number[] = [];
    const herePlaces: Place[] = [];
    rows.forEach((p, i) => {
      if (sheetOf(p) !== s) return;
      here.push(p);
      herePlaces.push(places[i]);
    });
    const candidates = herePlaces.slice(0, MAX_RELATED + 1);
    here.forEach((p, i) => {
      const { related, others, othersEn } = otherPlaces(candidates, herePlaces[i], here.length - 1, ctx.file);
      ctx.report({ rule: 'household.duplicate', row: p % ROW_SPAN, column: 'idNumber', value: text, params: { text, others, othersEn }, related });
    });
  }
}

function reportNames(ctx: SheetContext, rows: number[], head: string) {
  const places = rows.map((r) => ctx.place('head', r));
  const candidates = places.slice(0, MAX_RELATED + 1);
  rows.forEach((r, i) => {
    const { related, others, othersEn } = otherPlaces(candidates, places[i], rows.length - 1, ctx.file);
    ctx.report({ rule: 'household.name-duplicate', row: r, column: 'head', value: head, params: { head, others, othersEn }, related });
  });
}
