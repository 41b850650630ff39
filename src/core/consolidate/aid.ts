import { cellAddress } from '../address';
import { Place } from '../findings';
import { maskId } from '../read/id-number';
import { roundMoney } from '../read/number';
import { Household } from '../rules/aid/household';

export interface HouseholdAt {
  file: string;
  sheet: string;
  /** Column of the household's ID cell (or its name), for links back. */
  col: number;
  household: Household;
}

export function householdPlace(at: HouseholdAt): Place {
  return { file: at.file, sheet: at.sheet, cell: cellAddress(at.household.row, at.col) };
}

export interface AidTotals {
  households: number;
  persons: number;
  cash: number;
  goods: number;
  /** 元 */
  amount: number;
}

export interface SourceSheet {
  file: string;
  sheet: string;
}

export interface AidGroup extends AidTotals {
  sources: Record<string, number>;
  sheets: SourceSheet[];
}

export interface AidSummary {
  total: AidTotals;
  byCounty: Array<{ county: string } & AidGroup>;
  byTownship: Array<{ county: string; township: string } & AidGroup>;
  bySource: Array<{ source: string; amount: number }>;
  byType: Array<{ type: string; households: number; amount: number }>;
  duplicates: Array<{ id: string; places: Place[] }>;
}

function emptyGroup(): AidGroup {
  return { households: 0, persons: 0, cash: 0, goods: 0, amount: 0, sources: {}, sheets: [] };
}

function add(g: AidGroup, at: HouseholdAt) {
  const h = at.household;
  g.households++;
  g.persons += h.members.ok && h.members.value > 0 ? h.members.value : 0;
  g.cash += h.money.cash.yuan ?? 0;
  g.goods += h.money.goodsValue.yuan ?? 0;
  g.amount += h.amount;
  for (const s in h.sources) g.sources[s] = (g.sources[s] ?? 0) + h.sources[s];
  if (!g.sheets.some((s) => s.file === at.file && s.sheet === at.sheet)) g.sheets.push({ file: at.file, sheet: at.sheet });
}

function rounded<T extends AidTotals>(g: T): T {
  const out = { ...g, cash: roundMoney(g.cash), goods: roundMoney(g.goods), amount: roundMoney(g.amount), persons: Math.round(g.persons) };
  if ('sources' in out) (out as unknown as AidGroup).sources = Object.fromEntries(Object.entries((out as unknown as AidGroup).sources).map(([k, v]) => [k, roundMoney(v)]));
  return out;
}

const zh = (a: string, b: string) => a.localeCompare(b, 'zh');

/** Households, persons and money overall, by county, township, fund source and hardship type (元). */
export function consolidateAid(rows: HouseholdAt[], showIds: boolean): AidSummary {
  const total = emptyGroup();
  const counties = new Map<string, { g: AidGroup; townships: Map<string, AidGroup> }>();
  const types = new Map<string, { households: number; amount: number }>();
  // id → index into rows (a number while it is seen once), so 100,000 households make no arrays.
  const ids = new Map<string, number | number[]>();
  rows.forEach((at, i) => {
    const h = at.household;
    add(total, at);
    let c = counties.get(h.county);
    if (!c) counties.set(h.county, (c = { g: emptyGroup(), townships: new Map() }));
    add(c.g, at);
    let t = c.townships.get(h.township);
    if (!t) c.townships.set(h.township, (t = emptyGroup()));
    add(t, at);
    let ty = types.get(h.hardshipType);
    if (!ty) types.set(h.hardshipType, (ty = { households: 0, amount: 0 }));
    ty.households++;
    ty.amount += h.amount;
    if (h.id.kind === 'id') {
      const prev = ids.get(h.id.id18);
      if (prev === undefined) ids.set(h.id.id18, i);
      else if (typeof prev === 'number') ids.set(h.id.id18, [prev, i]);
      else prev.push(i);
    }
  });
  const { sources, households, persons, cash, goods, amount } = rounded(total);
  const totals = { households, persons, cash, goods, amount };
  return {
    total: totals,
    byCounty: [...counties].map(([county, c]) => ({ county, ...rounded(c.g) })).sort((a, b) => zh(a.county, b.county)),
    byTownship: [...counties]
      .flatMap(([county, c]) => [...c.townships].map(([township, g]) => ({ county, township, ...rounded(g) })))
      .sort((a, b) => zh(a.county, b.county) || zh(a.township, b.township)),
    bySource: Object.entries(sources).map(([source, amount]) => ({ source, amount })).sort((a, b) => b.amount - a.amount),
    byType: [...types].map(([type, v]) => ({ type, households: v.households, amount: roundMoney(v.amount) })).sort((a, b) => b.amount - a.amount),
    duplicates: [...ids]
      .filter((e): e is [string, number[]] => typeof e[1] !== 'number')
      .map(([id, list]) => ({ id: showIds ? id : maskId(id), places: list.map((i) => householdPlace(rows[i])) })),
  };
}
