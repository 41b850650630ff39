import { Finding } from '../../findings';
import { RowIndex } from '../../row-index';
import { maskId } from '../../read/id-number';
import { MONEY_KEYS, SOURCE_KEYS, SOURCE_NAMES } from './household';
import { AidDuplicate, duplicateGroups } from './duplicate-groups';
import { fen, ReadingSheet, Readings, sourceMask } from './readings';

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
  /** Verified money by fund source; adds up to total.amount. */
  bySource: Array<{ source: string; amount: number }>;
  byType: Array<{ type: string; households: number; amount: number; pending: Pending }>;
  duplicates: AidDuplicate[];
}

const yuanOf = (f: number) => f / 100;

interface Acc {
  households: number;
  persons: number;
  cash: number;
  goods: number;
  unsplit: number;
  amount: number;
  /** Fen by source id (SourceIds); sourceOrder lists the ids in the order first added to. */
  sources: Float64Array;
  sourceSeen: Uint8Array;
  sourceOrder: number[];
  pending: Pending;
  sheets: SourceSheet[];
  /** When each of `sheets` was first added to (an order key: row index · 8). */
  sheetFirst: number[];
  /** When each source was first added to (order key: row index · 8 + its column, -1: never). */
  sourceFirst: Float64Array;
  /** The sheet of the last row added. */
  lastSheet: ReadingSheet | null;
}

function emptyAcc(ids: SourceIds): Acc {
  const n = ids.names.length;
  return {
    households: 0,
    persons: 0,
    cash: 0,
    goods: 0,
    unsplit: 0,
    amount: 0,
    sources: new Float64Array(n),
    sourceSeen: new Uint8Array(n),
    sourceOrder: [],
    pending: { households: 0, values: 0, amount: 0 },
    sheets: [],
    sheetFirst: [],
    sourceFirst: new Float64Array(n).fill(-1),
    lastSheet: null,
  };
}

/**
 * Every fund source a row can add to, numbered once per run: groups add money up by number, not
 * by name in a Map (four Map reads and writes per household saved, about 10 ms on 100,000).
 */
interface SourceIds {
  names: string[];
  /** Id of each of the readings' source names. */
  ofReading: number[];
  /** Id of each per-source column (SOURCE_KEYS order). */
  ofColumn: number[];
}

function sourceIds(rs: Readings): SourceIds {
  const index = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = index.get(name);
    if (id === undefined) {
      index.set(name, (id = names.length));
      names.push(name);
    }
    return id;
  };
  return { names, ofReading: rs.sourceNames.map(idOf), ofColumn: SOURCE_KEYS.map((k) => idOf(SOURCE_NAMES[k])) };
}

function addSource(g: Acc, id: number, fen: number, key: number) {
  if (g.sourceSeen[id] === 0) {
    g.sourceSeen[id] = 1;
    g.sourceOrder.push(id);
    g.sourceFirst[id] = key;
  }
  g.sources[id] += fen;
}

/** Adds row i of the readings to a group; `doubted` money cells (or a row that does not add up) make it pending. */
function add(g: Acc, rs: Readings, ids: SourceIds, sheet: ReadingSheet, i: number, doubted: number) {
  // Rows come sheet by sheet: only a new sheet is looked for in the list.
  if (sheet !== g.lastSheet) {
    g.lastSheet = sheet;
    if (!g.sheets.some((s) => s.file === sheet.file && s.sheet === sheet.sheet)) {
      g.sheets.push({ file: sheet.file, sheet: sheet.sheet });
      g.sheetFirst.push(i * 8);
    }
  }
  if (doubted > 0) {
    g.pending.households++;
    g.pending.values += doubted;
    g.pending.amount += fen(rs.face[i]);
    return;
  }
  const amount = rs.amount(i);
  g.households++;
  g.persons += rs.persons[i];
  g.cash += rs.cash[i];
  g.goods += rs.goods[i];
  g.unsplit += rs.unsplit[i];
  g.amount += amount;
  const source = rs.source[i];
  if (source >= 0) {
    addSource(g, ids.ofReading[source], amount, i * 8);
    return;
  }
  const mask = sourceMask(source);
  for (let j = 0; j < SOURCE_KEYS.length; j++) {
    if ((mask & (1 << j)) === 0) continue;
    addSource(g, ids.ofColumn[j], rs.perSource![i * 4 + j], i * 8 + j);
  }
}

/**
 * Adds group g's figures to `to`, as if g's rows had been added to it: its sheets and sources
 * take the place their first row gives them (the order keys).
 */
function merge(to: Acc, g: Acc) {
  to.households += g.households;
  to.persons += g.persons;
  to.cash += g.cash;
  to.goods += g.goods;
  to.unsplit += g.unsplit;
  to.amount += g.amount;
  to.pending.households += g.pending.households;
  to.pending.values += g.pending.values;
  to.pending.amount += g.pending.amount;
  let sheetsMoved = false;
  g.sheets.forEach((s, k) => {
    const at = to.sheets.findIndex((t) => t.file === s.file && t.sheet === s.sheet);
    if (at < 0) {
      to.sheets.push(s);
      to.sheetFirst.push(g.sheetFirst[k]);
      sheetsMoved = true;
    } else if (g.sheetFirst[k] < to.sheetFirst[at]) {
      to.sheetFirst[at] = g.sheetFirst[k];
      sheetsMoved = true;
    }
  });
  if (sheetsMoved && to.sheets.length > 1) {
    const order = to.sheets.map((s, k) => ({ s, first: to.sheetFirst[k] })).sort((a, b) => a.first - b.first);
    to.sheets = order.map((o) => o.s);
    to.sheetFirst = order.map((o) => o.first);
  }
  let sourcesMoved = false;
  for (const id of g.sourceOrder) {
    to.sources[id] += g.sources[id];
    if (to.sourceSeen[id] === 0) {
      to.sourceSeen[id] = 1;
      to.sourceOrder.push(id);
      to.sourceFirst[id] = g.sourceFirst[id];
      sourcesMoved = true;
    } else if (g.sourceFirst[id] < to.sourceFirst[id]) {
      to.sourceFirst[id] = g.sourceFirst[id];
      sourcesMoved = true;
    }
  }
  if (sourcesMoved) to.sourceOrder.sort((a, b) => to.sourceFirst[a] - to.sourceFirst[b]);
}

function totalsOf(g: Acc): AidTotals {
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

function groupOf(g: Acc, ids: SourceIds): AidGroup {
  const sources = g.sourceOrder.filter((id) => g.sources[id] !== 0).map((id): [string, number] => [ids.names[id], yuanOf(g.sources[id])]);
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
 */
export function consolidateAid(rs: Readings, findings: Finding[], showIds: boolean): AidSummary {
  const doubts = doubtedCells(findings);
  const ids = sourceIds(rs);
  // Each row is added to its reading group (county, township and type) only; the groups are
  // then added up by county, township, type and in all (one add a household, not four).
  const byGroup = rs.groups.map(() => emptyAcc(ids));
  // Rows added to their group (not doubted), kept only when persons must be added again in order.
  const counted = rs.fractionalPersons ? new Uint8Array(rs.length) : null;
  for (const sheet of rs.sheets) {
    // The sheet's doubted rows as readings indexes in order (each found by halving), met by a
    // pointer as the households are added up: no Map read per household.
    const doubtedRows: Array<{ i: number; cells: number }> = [];
    const sheetDoubts = doubts.sheet(sheet.file, sheet.sheet);
    if (sheetDoubts) {
      for (const [row, cells] of sheetDoubts) {
        const i = rs.indexIn(sheet, row);
        if (i >= 0) doubtedRows.push({ i, cells: cells.size });
      }
      doubtedRows.sort((a, b) => a.i - b.i);
    }
    let next = 0;
    for (let i = sheet.from; i < sheet.to; i++) {
      let cells = 0;
      if (next < doubtedRows.length && doubtedRows[next].i === i) cells = doubtedRows[next++].cells;
      const doubted = cells > 0 ? cells : rs.broken[i] === 1 ? 1 : 0;
      add(byGroup[rs.group[i]], rs, ids, sheet, i, doubted);
      if (counted && doubted === 0) counted[i] = 1;
    }
  }
  const total = emptyAcc(ids);
  const counties = new Map<string, { g: Acc; townships: Map<string, Acc> }>();
  const types = new Map<string, Acc>();
  const townshipNames = new Map<string, string>();
  // Groups are numbered in the order of their first rows: counties, townships and types are met
  // here in the order their first rows came.
  rs.groups.forEach(({ county, township, type }, gi) => {
    const g = byGroup[gi];
    merge(total, g);
    let c = counties.get(county);
    if (!c) counties.set(county, (c = { g: emptyAcc(ids), townships: new Map() }));
    merge(c.g, g);
    // 青年街道 and 青年街道办事处 are one township, however a tab or title wrote it: one row,
    // under the fullest name seen.
    const key = township.replace(/街道办事处$/, '街道');
    let t = c.townships.get(key);
    if (!t) c.townships.set(key, (t = emptyAcc(ids)));
    merge(t, g);
    const shown = townshipNames.get(key);
    if (!shown || township.length > shown.length) townshipNames.set(key, township);
    let ty = types.get(type);
    if (!ty) types.set(type, (ty = emptyAcc(ids)));
    merge(ty, g);
  });
  if (counted) personsInRowOrder(rs, counted, total, counties, types);
  const sources = groupOf(total, ids).sources;
  return {
    total: totalsOf(total),
    byCounty: [...counties].map(([county, c]) => ({ county, ...groupOf(c.g, ids) })).sort((a, b) => zh(a.county, b.county)),
    byTownship: [...counties]
      .flatMap(([county, c]) => [...c.townships].map(([key, g]) => ({ county, township: townshipNames.get(key) ?? key, ...groupOf(g, ids) })))
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
 * Persons added again row by row into every total, as the rows come: a count typed with a
 * fraction (2.5) makes sums that depend on the order they are added in, and a total says what
 * the rows say in order. Only rows added to their group count (a doubted row's persons do not).
 */
function personsInRowOrder(rs: Readings, counted: Uint8Array, total: Acc, counties: Map<string, { g: Acc; townships: Map<string, Acc> }>, types: Map<string, Acc>) {
  const targets = rs.groups.map(({ county, township, type }) => {
    const c = counties.get(county)!;
    return [total, c.g, c.townships.get(township.replace(/街道办事处$/, '街道'))!, types.get(type)!];
  });
  const all = new Set(targets.flat());
  for (const a of all) a.persons = 0;
  for (let i = 0; i < rs.length; i++) {
    if (counted[i] === 0) continue;
    for (const a of targets[rs.group[i]]) a.persons += rs.persons[i];
  }
}
