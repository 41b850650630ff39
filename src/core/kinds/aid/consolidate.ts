import { cellAddress } from '../../address';
import { Finding, Place } from '../../findings';
import { RowIndex } from '../../row-index';
import { maskId } from '../../read/id-number';
import { Household, MONEY_KEYS, SOURCE_NAMES, UNSPECIFIED_SOURCE } from './household';
import { AidDuplicate, duplicateGroups } from './duplicate-groups';

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

/** Money is added in fen (integers), so no sum drifts and every row's arithmetic holds exactly. */
const fen = (yuan: number | null) => (yuan === null ? 0 : Math.round(yuan * 100));
const yuanOf = (f: number) => f / 100;

interface Acc {
  households: number;
  persons: number;
  cash: number;
  goods: number;
  unsplit: number;
  amount: number;
  sources: Map<string, number>;
  pending: Pending;
  sheets: SourceSheet[];
  /** The sheet of the last row added. */
  lastFile: string | null;
  lastSheet: string | null;
}

function emptyAcc(): Acc {
  return { households: 0, persons: 0, cash: 0, goods: 0, unsplit: 0, amount: 0, sources: new Map(), pending: { households: 0, values: 0, amount: 0 }, sheets: [], lastFile: null, lastSheet: null };
}

/** One household's money in fen, or why it cannot be counted as it stands. */
interface Reading {
  persons: number;
  cash: number;
  goods: number;
  unsplit: number;
  amount: number;
  sources: Array<[string, number]>;
  /** Its own arithmetic fails (parts ≠ 合计, sources ≠ 合计). */
  broken: boolean;
  /** Face value in fen: what the row's total says. */
  faceValue: number;
}

const SOURCE_KEYS = ['sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'] as const;

/** The first key of a record, without an array of all of them. */
function firstKey(o: Record<string, number>): string | undefined {
  for (const k in o) return k;
  return undefined;
}

function readingOf(h: Household): Reading {
  const m = h.money;
  const hasParts = m.cash.yuan !== null || m.goodsValue.yuan !== null;
  const cash = fen(m.cash.yuan);
  const goods = fen(m.goodsValue.yuan);
  const faceValue = fen(h.amount);
  let broken = false;
  let unsplit = 0;
  if (m.total.yuan !== null) {
    const total = fen(m.total.yuan);
    if (!hasParts) unsplit = total;
    else if (cash + goods !== total) broken = true;
  }
  const amount = cash + goods + unsplit;
  const sources: Array<[string, number]> = [];
  let perSource = false;
  for (const k of SOURCE_KEYS) {
    if (m[k].yuan === null) continue;
    perSource = true;
    sources.push([SOURCE_NAMES[k], fen(m[k].yuan)]);
  }
  if (perSource) {
    if (sources.reduce((s, [, v]) => s + v, 0) !== amount) broken = true;
  } else if (amount !== 0) {
    // One 资金来源 column (or none): the whole amount goes to the source it names.
    sources.push([firstKey(h.sources) ?? UNSPECIFIED_SOURCE, amount]);
  }
  const persons = h.members.ok && h.members.value > 0 ? h.members.value : 0;
  return { persons, cash, goods, unsplit, amount, sources, broken, faceValue };
}

function add(g: Acc, at: HouseholdAt, r: Reading, doubted: number) {
  // Rows come sheet by sheet: only a new sheet is looked for in the list.
  if (at.file !== g.lastFile || at.sheet !== g.lastSheet) {
    g.lastFile = at.file;
    g.lastSheet = at.sheet;
    if (!g.sheets.some((s) => s.file === at.file && s.sheet === at.sheet)) g.sheets.push({ file: at.file, sheet: at.sheet });
  }
  if (doubted > 0) {
    g.pending.households++;
    g.pending.values += doubted;
    g.pending.amount += r.faceValue;
    return;
  }
  g.households++;
  g.persons += r.persons;
  g.cash += r.cash;
  g.goods += r.goods;
  g.unsplit += r.unsplit;
  g.amount += r.amount;
  for (const [s, v] of r.sources) g.sources.set(s, (g.sources.get(s) ?? 0) + v);
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

function groupOf(g: Acc): AidGroup {
  return { ...totalsOf(g), sources: Object.fromEntries([...g.sources].filter(([, v]) => v !== 0).map(([k, v]) => [k, yuanOf(v)])), sheets: g.sheets };
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
export function consolidateAid(rows: HouseholdAt[], findings: Finding[], showIds: boolean): AidSummary {
  const doubts = doubtedCells(findings);
  const total = emptyAcc();
  const counties = new Map<string, { g: Acc; townships: Map<string, Acc> }>();
  const types = new Map<string, Acc>();
  const townshipNames = new Map<string, string>();
  // Rows come sheet by sheet, a township's together: what the last row looked up is kept.
  let lastFile: string | null = null;
  let lastSheet: string | null = null;
  let sheetDoubts: Map<number, Set<string>> | undefined;
  let lastCounty: string | null = null;
  let lastTownship: string | null = null;
  let c: { g: Acc; townships: Map<string, Acc> } | undefined;
  let t: Acc | undefined;
  for (const at of rows) {
    const h = at.household;
    const r = readingOf(h);
    if (at.file !== lastFile || at.sheet !== lastSheet) {
      lastFile = at.file;
      lastSheet = at.sheet;
      sheetDoubts = doubts.sheet(at.file, at.sheet);
    }
    const cells = sheetDoubts?.get(h.row)?.size ?? 0;
    const doubted = cells > 0 ? cells : r.broken ? 1 : 0;
    add(total, at, r, doubted);
    if (h.county !== lastCounty || !c) {
      lastCounty = h.county;
      lastTownship = null;
      c = counties.get(h.county);
      if (!c) counties.set(h.county, (c = { g: emptyAcc(), townships: new Map() }));
    }
    add(c.g, at, r, doubted);
    if (h.township !== lastTownship || !t) {
      lastTownship = h.township;
      // 青年街道 and 青年街道办事处 are one township, however a tab or title wrote it: one row,
      // under the fullest name seen.
      const key = h.township.replace(/街道办事处$/, '街道');
      t = c.townships.get(key);
      if (!t) c.townships.set(key, (t = emptyAcc()));
      const shown = townshipNames.get(key);
      if (!shown || h.township.length > shown.length) townshipNames.set(key, h.township);
    }
    add(t, at, r, doubted);
    let ty = types.get(h.hardshipType);
    if (!ty) types.set(h.hardshipType, (ty = emptyAcc()));
    add(ty, at, r, doubted);
  }
  const sources = groupOf(total).sources;
  return {
    total: totalsOf(total),
    byCounty: [...counties].map(([county, c]) => ({ county, ...groupOf(c.g) })).sort((a, b) => zh(a.county, b.county)),
    byTownship: [...counties]
      .flatMap(([county, c]) => [...c.townships].map(([key, g]) => ({ county, township: townshipNames.get(key) ?? key, ...groupOf(g) })))
      .sort((a, b) => zh(a.county, b.county) || zh(a.township, b.township)),
    bySource: Object.entries(sources)
      .map(([source, amount]) => ({ source, amount }))
      .sort((a, b) => b.amount - a.amount),
    byType: [...types]
      .map(([type, g]) => ({ type, households: g.households, amount: yuanOf(g.amount), pending: totalsOf(g).pending }))
      .sort((a, b) => b.amount - a.amount || b.pending.amount - a.pending.amount),
    duplicates: duplicateGroups(rows, showIds ? (id) => id : maskId),
  };
}
