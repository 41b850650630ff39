import { Finding } from '../../findings';
import { RowIndex } from '../../row-index';
import { maskId } from '../../read/id-number';
import { MONEY_KEYS, SOURCE_KEYS } from './household';
import { AidDuplicate, duplicateGroups } from './duplicate-groups';
import { fen, Readings, sourceMask } from './readings';
import { SourceSheet, Sums } from './sums';

/** Money the checker doubts, kept out of the totals: how many households, cells and 元. */
export interface Pending {
  households: number;
  /** Doubted money cells (each listed in 检查结果). */
  values: number;
  /** 元, as the doubted rows read at face value. */
  amount: number;
}

/**
 * Verified figures: households whose money nobody doubts. cash + goods + unsplit = amount,
 * and the fund sources add up to amount, in every group.
 */
export interface AidTotals {
  households: number;
  persons: number;
  cash: number;
  goods: number;
  /** 元 of rows that give only a 合计, not split into 慰问金 and 物资折款. */
  unsplit: number;
  /** 元 */
  amount: number;
  pending: Pending;
}

export interface AidGroup extends AidTotals {
  sources: Record<string, number>;
  sheets: SourceSheet[];
}

export interface AidSummary {
  total: AidTotals;
  byCounty: Array<{ county: string } & AidGroup>;
  byTownship: Array<{ county: string; township: string } & AidGroup>;
  /** Verified money by fund source; adds up to total.amount. */
  bySource: Array<{ source: string; amount: number }>;
  byType: Array<{ type: string; households: number; amount: number; pending: Pending }>;
  duplicates: AidDuplicate[];
}

const yuanOf = (f: number) => f / 100;

/** 青年街道 and 青年街道办事处 are one township, however a tab or title wrote it: one row, under the fullest name seen. */
const townshipKey = (township: string) => township.replace(/街道办事处$/, '街道');

function totalsOf(g: Sums): AidTotals {
  return {
    households: g.households,
    persons: Math.round(g.persons),
    cash: yuanOf(g.cash),
    goods: yuanOf(g.goods),
    unsplit: yuanOf(g.unsplit),
    amount: yuanOf(g.amount),
    pending: { ...g.pending, amount: yuanOf(g.pending.amount) },
  };
}

function groupOf(g: Sums, names: string[]): AidGroup {
  const sources = g
    .sourceOrder()
    .filter((id) => g.sources[id] !== 0)
    .map((id): [string, number] => [names[id], yuanOf(g.sources[id])]);
  return { ...totalsOf(g), sources: Object.fromEntries(sources), sheets: g.sheets };
}

const MONEY_KEY_SET = new Set<string>(MONEY_KEYS);

/**
 * The money cells each row's findings put in doubt: an error on a money cell, or any amount
 * finding (unit mistake, text, negative, above the cap, parts that do not add up).
 */
export function doubtedCells(findings: Finding[]): RowIndex<Set<string>> {
  const out = new RowIndex<Set<string>>();
  for (const f of findings) {
    if (f.row === null || f.column === null || !MONEY_KEY_SET.has(f.column)) continue;
    if (f.severity !== 'error' && !f.rule.startsWith('amount.')) continue;
    out.getOrSet(f.file, f.sheet, f.row, () => new Set()).add(f.cell);
  }
  return out;
}

const zh = (a: string, b: string) => a.localeCompare(b, 'zh');

/**
 * Households, persons and money overall, by county, township, fund source and hardship type
 * (元). Money the findings doubt, or whose own row does not add up, is kept apart as 待核实.
 * Each reading group (county, township, type) was added up as its rows were read (readings.ts):
 * here the rows the findings doubt are taken out of theirs, and the groups are added up.
 */
export function consolidateAid(rs: Readings, findings: Finding[], showIds: boolean): AidSummary {
  const doubts = doubtedCells(findings);
  const byGroup = rs.sums.map((g) => {
    const copy = new Sums();
    copy.merge(g);
    return copy;
  });
  const doubted = new Uint8Array(rs.length);
  /** Sources whose first row was doubted, by group: their first verified row is sought again. */
  const refirst = new Map<number, Set<number>>();
  let refirstFrom = rs.length;
  for (const sheet of rs.sheets) {
    const sheetDoubts = doubts.sheet(sheet.file, sheet.sheet);
    if (!sheetDoubts) continue;
    for (const [row, cells] of sheetDoubts) {
      const i = rs.indexIn(sheet, row);
      if (i < 0 || doubted[i] === 1) continue;
      doubted[i] = 1;
      const gi = rs.group[i];
      const g = byGroup[gi];
      // A row that does not add up is pending already, for one value: its doubted cells say how many.
      if (rs.broken[i] === 1) {
        g.pending.values += cells.size - 1;
        continue;
      }
      const amount = rs.amount(i);
      g.households--;
      g.persons -= rs.persons[i];
      g.cash -= rs.cash[i];
      g.goods -= rs.goods[i];
      g.unsplit -= rs.unsplit[i];
      g.amount -= amount;
      g.pending.households++;
      g.pending.values += cells.size;
      g.pending.amount += fen(rs.face[i]);
      const takeOut = (id: number, fen: number, key: number) => {
        g.sources[id] -= fen;
        if (g.sourceFirst[id] !== key) return;
        g.sourceFirst[id] = -1;
        let ids = refirst.get(gi);
        if (!ids) refirst.set(gi, (ids = new Set()));
        ids.add(id);
        refirstFrom = Math.min(refirstFrom, i);
      };
      const source = rs.source[i];
      if (source >= 0) takeOut(source, amount, i * 8);
      else {
        const mask = sourceMask(source);
        for (let j = 0; j < SOURCE_KEYS.length; j++) if ((mask & (1 << j)) !== 0) takeOut(rs.columnSources[j], rs.perSource![i * 4 + j], i * 8 + j);
      }
    }
  }
  if (refirst.size > 0) firstVerified(rs, byGroup, doubted, refirst, refirstFrom);
  const total = new Sums();
  const counties = new Map<string, { g: Sums; townships: Map<string, Sums> }>();
  const types = new Map<string, Sums>();
  const townshipNames = new Map<string, string>();
  // Groups are numbered in the order of their first rows: counties, townships and types are met
  // here in the order their first rows came.
  rs.groups.forEach(({ county, township, type }, gi) => {
    const g = byGroup[gi];
    total.merge(g);
    let c = counties.get(county);
    if (!c) counties.set(county, (c = { g: new Sums(), townships: new Map() }));
    c.g.merge(g);
    const key = townshipKey(township);
    let t = c.townships.get(key);
    if (!t) c.townships.set(key, (t = new Sums()));
    t.merge(g);
    const shown = townshipNames.get(key);
    if (!shown || township.length > shown.length) townshipNames.set(key, township);
    let ty = types.get(type);
    if (!ty) types.set(type, (ty = new Sums()));
    ty.merge(g);
  });
  if (rs.fractionalPersons) personsInRowOrder(rs, doubted, total, counties, types);
  const names = rs.sourceNames;
  const sources = groupOf(total, names).sources;
  return {
    total: totalsOf(total),
    byCounty: [...counties].map(([county, c]) => ({ county, ...groupOf(c.g, names) })).sort((a, b) => zh(a.county, b.county)),
    byTownship: [...counties]
      .flatMap(([county, c]) => [...c.townships].map(([key, g]) => ({ county, township: townshipNames.get(key) ?? key, ...groupOf(g, names) })))
      .sort((a, b) => zh(a.county, b.county) || zh(a.township, b.township)),
    bySource: Object.entries(sources)
      .map(([source, amount]) => ({ source, amount }))
      .sort((a, b) => b.amount - a.amount),
    byType: [...types]
      .map(([type, g]) => ({ type, households: g.households, amount: yuanOf(g.amount), pending: totalsOf(g).pending }))
      .sort((a, b) => b.amount - a.amount || b.pending.amount - a.pending.amount),
    duplicates: duplicateGroups(rs, showIds ? (id) => id : maskId),
  };
}

/**
 * The first verified row (neither doubted nor failing its own arithmetic) of each group and
 * source in `refirst`, from row `from` on, as their new first order key. Usually a few rows on:
 * the pass stops when each is found (a source with none left has no money left either).
 */
function firstVerified(rs: Readings, byGroup: Sums[], doubted: Uint8Array, refirst: Map<number, Set<number>>, from: number) {
  let left = 0;
  for (const ids of refirst.values()) left += ids.size;
  const seek = (ids: Set<number>, g: Sums, id: number, key: number) => {
    if (!ids.has(id)) return;
    ids.delete(id);
    g.sourceFirst[id] = key;
    left--;
  };
  for (let i = from; i < rs.length && left > 0; i++) {
    if (doubted[i] === 1 || rs.broken[i] === 1) continue;
    const gi = rs.group[i];
    const ids = refirst.get(gi);
    if (!ids || ids.size === 0) continue;
    const source = rs.source[i];
    if (source >= 0) seek(ids, byGroup[gi], source, i * 8);
    else {
      const mask = sourceMask(source);
      for (let j = 0; j < SOURCE_KEYS.length; j++) if ((mask & (1 << j)) !== 0) seek(ids, byGroup[gi], rs.columnSources[j], i * 8 + j);
    }
  }
}

/**
 * Persons added again row by row into every total, as the rows come: a count typed with a
 * fraction (2.5) makes sums that depend on the order they are added in, and a total says what
 * the rows say in order. Only verified rows count (neither doubted nor failing their own arithmetic).
 */
function personsInRowOrder(rs: Readings, doubted: Uint8Array, total: Sums, counties: Map<string, { g: Sums; townships: Map<string, Sums> }>, types: Map<string, Sums>) {
  const targets = rs.groups.map(({ county, township, type }) => {
    const c = counties.get(county)!;
    return [total, c.g, c.townships.get(townshipKey(township))!, types.get(type)!];
  });
  for (const a of new Set(targets.flat())) a.persons = 0;
  for (let i = 0; i < rs.length; i++) {
    if (doubted[i] === 1 || rs.broken[i] === 1) continue;
    for (const a of targets[rs.group[i]]) a.persons += rs.persons[i];
  }
}
