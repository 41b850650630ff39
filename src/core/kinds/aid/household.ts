import { AidKey } from './columns';
import { Table } from '../../detect';
import { Grid } from '../../grid';
import { DateRead, readDateCached } from '../../read/date';
import { IdRead, readIdNumber } from '../../read/id-number';
import { MoneyUnit, NumberRead, readNumber, roundMoney } from '../../read/number';
import { cellText, compact, memoize } from '../../read/text';
import { splitPlace } from '../../read/place';
import { CellValue } from '../../workbook';
import type { IdIndex } from './id-table';

export const MONEY_KEYS = ['cash', 'goodsValue', 'total', 'sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'] as const;
export type MoneyKey = (typeof MONEY_KEYS)[number];

/** The per-source money columns, in the order of SOURCE_NAMES. */
export const SOURCE_KEYS = ['sourceGov', 'sourceDept', 'sourceEnterprise', 'sourceSocial'] as const;

export const SOURCE_NAMES = { sourceGov: '政府投入', sourceDept: '部门筹集', sourceEnterprise: '企事业赞助', sourceSocial: '社会捐助' } as const;
export const UNSPECIFIED_SOURCE = '未注明';
export const MIXED_SOURCE = '多渠道（未分列）';

/** A money cell: what was typed, and its value in 元 whatever unit the column or the cell used. */
export interface Money {
  read: NumberRead;
  /** null when empty or not a number. */
  yuan: number | null;
  unit: MoneyUnit;
}

/** An aid-ledger row read once, shared by the checks and the consolidation. */
export interface Household {
  row: number;
  county: string;
  township: string;
  village: string;
  head: string;
  id: IdRead;
  members: NumberRead;
  hardshipType: string;
  money: Record<MoneyKey, Money>;
  /** Total in 元: the 合计 column when filled, else cash + goods. */
  amount: number;
  /** 元 by fund source, from per-source columns or the 资金来源 column. */
  sources: Record<string, number>;
  /** The one source `sources` names when the 资金来源 column gives the whole amount to it, else null. */
  source: string | null;
  visitDate: DateRead;
  visitText: string;
  phone: string;
  /** The section rows above name it (东街村, 一、低保户); '' when the ledger has none. */
  section: string;
  /**
   * The duplicate check's index of every ID, when it indexed this row's ID (as the row's last
   * entry: the summary reads the row right after the checks). The consolidation groups
   * households found twice from it, with no second index.
   */
  idIndex: IdIndex | undefined;
}

const NO_MONEY: Record<MoneyUnit, Money> = {
  元: Object.freeze({ read: readNumber(null), yuan: null, unit: '元' }) as Money,
  万元: Object.freeze({ read: readNumber(null), yuan: null, unit: '万元' }) as Money,
};

/**
 * Money typed as numbers repeats (100, 200, 500 元 on row after row): one reading per value and
 * unit is shared by every row that has it, so 100,000 households keep few money objects. Readings
 * are never changed after they are made.
 */
const NUMBER_MONEY: Record<MoneyUnit, Map<number, Money>> = { 元: new Map(), 万元: new Map() };
const SHARED_LIMIT = 10_000;

export function readMoney(v: CellValue, columnUnit: MoneyUnit): Money {
  // Most ledgers lack some money columns: an empty cell costs no new object.
  if (v === null || v === undefined) return NO_MONEY[columnUnit];
  if (typeof v === 'number' && !Object.is(v, -0)) {
    const cache = NUMBER_MONEY[columnUnit];
    let m = cache.get(v);
    if (m === undefined) {
      m = moneyOf(v, columnUnit);
      if (cache.size >= SHARED_LIMIT) cache.clear();
      cache.set(v, m);
    }
    return m;
  }
  return moneyOf(v, columnUnit);
}

function moneyOf(v: CellValue, columnUnit: MoneyUnit): Money {
  const read = readNumber(v);
  if (!read.ok) return { read, yuan: null, unit: columnUnit };
  const unit = read.unit ?? columnUnit;
  return { read, yuan: roundMoney(unit === '万元' ? read.value * 10_000 : read.value), unit };
}

/** 资金来源 text → one of the four sources, or the mixed / unspecified bucket. */
export const classifySource = memoize((text: string): string => {
  const s = compact(text);
  if (s === '') return UNSPECIFIED_SOURCE;
  const found = new Set<string>();
  if (/政府|财政/.test(s)) found.add(SOURCE_NAMES.sourceGov);
  if (/部门/.test(s)) found.add(SOURCE_NAMES.sourceDept);
  if (/企|赞助/.test(s)) found.add(SOURCE_NAMES.sourceEnterprise);
  if (/社会|捐/.test(s)) found.add(SOURCE_NAMES.sourceSocial);
  if (found.size === 1) return [...found][0];
  return found.size > 1 ? MIXED_SOURCE : s;
});

const splitOf = memoize(splitPlace);

/**
 * County and township from the row's own columns, else the sheet's: 乐陵市市中街道 typed in the
 * 乡镇 column is county 乐陵市 and township 市中街道; 聊城市东昌府区 in the county column is 东昌府区.
 */
function countyOfRow(countyText: string, townText: string, place: HouseholdPlace): string {
  let county = countyText ? (splitOf(countyText).county ?? countyText) : '';
  if (!county && townText) county = splitOf(townText).county ?? '';
  return county || place.county;
}

function townshipOfRow(townText: string, place: HouseholdPlace): string {
  if (!townText) return place.township;
  return splitOf(townText).township || townText;
}

/** 家庭人口 as a number: the few counts a ledger holds (1 to 6) share their readings. */
const COUNTS = new Map<number, NumberRead>();
function readCount(v: CellValue): NumberRead {
  if (typeof v !== 'number' || Object.is(v, -0)) return readNumber(v);
  let r = COUNTS.get(v);
  if (r === undefined) {
    r = readNumber(v);
    if (COUNTS.size >= SHARED_LIMIT) COUNTS.clear();
    COUNTS.set(v, r);
  }
  return r;
}

/** An empty cell or a number (not -0, which a cache would confuse with 0). */
function plainAmount(v: CellValue): boolean {
  return v === null || (typeof v === 'number' && !Object.is(v, -0));
}

/** No money, no source (sources are never changed after a row is read, so this is shared). */
const NO_SOURCES: Record<string, number> = Object.freeze({}) as Record<string, number>;
/** { 政府投入: 500 }: the same source and amount on many rows share one record. */
const ONE_SOURCE = new Map<string, Map<number, Record<string, number>>>();
function oneSource(source: string, amount: number): Record<string, number> {
  let byAmount = ONE_SOURCE.get(source);
  if (!byAmount) ONE_SOURCE.set(source, (byAmount = new Map()));
  let r = byAmount.get(amount);
  if (r === undefined) {
    if (byAmount.size >= SHARED_LIMIT) byAmount.clear();
    r = {};
    r[source] = amount;
    byAmount.set(amount, r);
  }
  return r;
}

export interface HouseholdPlace {
  county: string;
  township: string;
}


/**
 * Reads one sheet's rows as households: each column's place is looked up once per sheet, not by
 * key on every cell of 100,000 rows. A class, for speed: the closures a reader function made per
 * row (a cell getter, a text getter) were allocated for every household, and each tab's new
 * closures sent the row loop back to the interpreter for a while; a method is neither.
 */
export class HouseholdReader {
  private readonly grid: Grid;
  private readonly place: HouseholdPlace;
  private readonly refYear: number;
  // Column of each field (0: the sheet has none).
  private readonly cCash: number;
  private readonly cGoods: number;
  private readonly cTotal: number;
  private readonly cGov: number;
  private readonly cDept: number;
  private readonly cEnterprise: number;
  private readonly cSocial: number;
  private readonly cFund: number;
  private readonly cCounty: number;
  private readonly cTownship: number;
  private readonly cVillage: number;
  private readonly cHead: number;
  private readonly cId: number;
  private readonly cMembers: number;
  private readonly cType: number;
  private readonly cVisit: number;
  private readonly cPhone: number;
  private readonly uCash: MoneyUnit;
  private readonly uGoods: MoneyUnit;
  private readonly uTotal: MoneyUnit;
  private readonly uGov: MoneyUnit;
  private readonly uDept: MoneyUnit;
  private readonly uEnterprise: MoneyUnit;
  private readonly uSocial: MoneyUnit;
  /** Money records by 慰问金, 物资折款 and 合计 (numbers or empty), for the sheet's units. */
  private readonly records = new Map<number | null, Map<number | null, Map<number | null, Record<MoneyKey, Money>>>>();
  private recordCount = 0;
  /** A visit date's text, once per day of the sheet (cellText of a date is its UTC day). */
  private readonly dayTexts = new Map<number, string>();

  constructor(grid: Grid, table: Table, place: HouseholdPlace, refYear: number) {
    this.grid = grid;
    this.place = place;
    this.refYear = refYear;
    const cols = table.columns;
    const units = table.units;
    const at = (key: AidKey) => cols[key] ?? 0;
    this.cCash = at('cash');
    this.cGoods = at('goodsValue');
    this.cTotal = at('total');
    this.cGov = at('sourceGov');
    this.cDept = at('sourceDept');
    this.cEnterprise = at('sourceEnterprise');
    this.cSocial = at('sourceSocial');
    this.cFund = at('fundSource');
    this.cCounty = at('county');
    this.cTownship = at('township');
    this.cVillage = at('village');
    this.cHead = at('head');
    this.cId = at('idNumber');
    this.cMembers = at('members');
    this.cType = at('hardshipType');
    this.cVisit = at('visitDate');
    this.cPhone = at('phone');
    this.uCash = units.cash ?? '元';
    this.uGoods = units.goodsValue ?? '元';
    this.uTotal = units.total ?? '元';
    this.uGov = units.sourceGov ?? '元';
    this.uDept = units.sourceDept ?? '元';
    this.uEnterprise = units.sourceEnterprise ?? '元';
    this.uSocial = units.sourceSocial ?? '元';
  }

  /** Column 0 is no column: an absent field reads as an empty cell, as the row view gives it. */
  private get(row: number, c: number): CellValue {
    return c === 0 ? null : this.grid.get(row, c);
  }

  private text(row: number, c: number): string {
    return c === 0 ? '' : cellText(this.grid.get(row, c));
  }

  private dateText(d: Date): string {
    const day = Math.floor(d.getTime() / 86_400_000);
    if (day !== day) return cellText(d);
    let t = this.dayTexts.get(day);
    if (t === undefined) this.dayTexts.set(day, (t = cellText(d)));
    return t;
  }

  /** Money records for a row's cells: rows with the same plain amounts share one. */
  private money(vCash: CellValue, vGoods: CellValue, vTotal: CellValue, vGov: CellValue, vDept: CellValue, vEnterprise: CellValue, vSocial: CellValue): Record<MoneyKey, Money> {
    // No per-source columns and the amounts typed as numbers (most ledgers): rows with the same
    // 慰问金, 物资折款 and 合计 share one money record, as they share its readings.
    const plain = vGov === null && vDept === null && vEnterprise === null && vSocial === null && plainAmount(vCash) && plainAmount(vGoods) && plainAmount(vTotal);
    let money = plain ? this.records.get(vCash as number | null)?.get(vGoods as number | null)?.get(vTotal as number | null) : undefined;
    if (money !== undefined) return money;
    // Built in one literal (one object shape for every row), each cell read once.
    money = {
      cash: readMoney(vCash, this.uCash),
      goodsValue: readMoney(vGoods, this.uGoods),
      total: readMoney(vTotal, this.uTotal),
      sourceGov: readMoney(vGov, this.uGov),
      sourceDept: readMoney(vDept, this.uDept),
      sourceEnterprise: readMoney(vEnterprise, this.uEnterprise),
      sourceSocial: readMoney(vSocial, this.uSocial),
    };
    if (plain) {
      if (++this.recordCount > SHARED_LIMIT) {
        this.records.clear();
        this.recordCount = 0;
      }
      let byGoods = this.records.get(vCash as number | null);
      if (!byGoods) this.records.set(vCash as number | null, (byGoods = new Map()));
      let byTotal = byGoods.get(vGoods as number | null);
      if (!byTotal) byGoods.set(vGoods as number | null, (byTotal = new Map()));
      byTotal.set(vTotal as number | null, money);
    }
    return money;
  }

  read(row: number): Household {
    const money = this.money(
      this.get(row, this.cCash),
      this.get(row, this.cGoods),
      this.get(row, this.cTotal),
      this.get(row, this.cGov),
      this.get(row, this.cDept),
      this.get(row, this.cEnterprise),
      this.get(row, this.cSocial),
    );
    const parts = (money.cash.yuan ?? 0) + (money.goodsValue.yuan ?? 0);
    const amount = money.total.yuan ?? roundMoney(parts);
    let sources: Record<string, number> = NO_SOURCES;
    let perSource = false;
    // Most ledgers have no per-source amounts: four plain property reads tell, no keyed loop.
    if (money.sourceGov.yuan !== null || money.sourceDept.yuan !== null || money.sourceEnterprise.yuan !== null || money.sourceSocial.yuan !== null) {
      for (const k of SOURCE_KEYS) {
        if (money[k].yuan !== null) {
          if (!perSource) sources = {};
          sources[SOURCE_NAMES[k]] = money[k].yuan!;
          perSource = true;
        }
      }
    }
    let source: string | null = null;
    if (!perSource && amount !== 0) sources = oneSource((source = classifySource(this.text(row, this.cFund))), amount);
    const countyText = this.text(row, this.cCounty);
    const townText = this.text(row, this.cTownship);
    const visit = this.get(row, this.cVisit);
    // Built in one literal (one object shape for every row), each cell read once.
    return {
      row,
      county: countyOfRow(countyText, townText, this.place),
      township: townshipOfRow(townText, this.place),
      village: this.text(row, this.cVillage),
      head: this.text(row, this.cHead),
      id: readIdNumber(this.get(row, this.cId)),
      members: readCount(this.get(row, this.cMembers)),
      hardshipType: compact(this.text(row, this.cType)) || '未注明',
      money,
      amount,
      sources,
      source,
      visitDate: readDateCached(visit, this.refYear),
      visitText: visit instanceof Date ? this.dateText(visit) : cellText(visit),
      phone: this.text(row, this.cPhone),
      section: '',
      idIndex: undefined,
    };
  }
}
