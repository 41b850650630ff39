import { Grid } from '../../grid';
import type { SheetContext } from '../../rules/check';
import { Household, SOURCE_KEYS, SOURCE_NAMES, UNSPECIFIED_SOURCE } from './household';
import { IdIndex } from './id-table';
import { Sums } from './sums';

/** Money is added in fen (integers), so no sum drifts and every row's arithmetic holds exactly. */
export const fen = (yuan: number | null) => (yuan === null ? 0 : Math.round(yuan * 100));

/** One sheet's rows in the readings (they come sheet by sheet). */
export interface ReadingSheet {
  file: string;
  sheet: string;
  /** Column of the household's ID cell (or its name), for links back. */
  idCol: number;
  /** Column of 户主姓名 (0: none): the few households found twice are named from the grid. */
  headCol: number;
  grid: Grid;
  /** Its rows are from..to-1 in the readings. */
  from: number;
  to: number;
  /** Its rows came top-down (as the engine gives them): one is found by halving. */
  ascending: boolean;
}

/** Where households are counted: county, township and hardship type. */
export interface ReadingGroup {
  county: string;
  township: string;
  type: string;
}

/** An ID number found in more than one row: the ID (18 characters) and those rows, in order. */
export interface RepeatedId {
  id: string;
  rows: number[];
}

/** `source` of a row that gives no money to any source. Below it: per-source columns (sourceMask). */
export const NO_SOURCE = -1;
/** `source` of a row with per-source columns is PER_SOURCE - (a bit per filled column, never 0). */
const PER_SOURCE = -2;

/** Which per-source columns a row filled (bit j: SOURCE_KEYS[j]), from its `source`; 0 for none. */
export const sourceMask = (source: number) => (source < NO_SOURCE ? PER_SOURCE - source : 0);

const INITIAL = 1024;

/**
 * Every household as the consolidation needs it, read as its row is checked and kept in typed
 * arrays (about 50 bytes a household, no object): its sheet and row, its county, township and
 * hardship type, its money in fen, whether its own arithmetic fails, and the rows its ID number
 * repeats. The findings on its money cells are known only when every sheet is checked: the
 * consolidation applies them then (consolidate.ts).
 */
export class Readings {
  length = 0;
  readonly sheets: ReadingSheet[] = [];
  readonly groups: ReadingGroup[] = [];
  /**
   * Each group's sums as its rows are read (a row whose own arithmetic fails counted as
   * pending): the consolidation takes out the rows the findings doubt, and adds groups up.
   */
  readonly sums: Sums[] = [];
  /** Fund sources by id: those a 资金来源 column named, and the per-source columns'. */
  readonly sourceNames: string[] = [];
  /** Excel row. */
  row = new Int32Array(INITIAL);
  /** Index into groups. */
  group = new Int32Array(INITIAL);
  /** ≥ 0: the whole amount goes to sourceNames[source]; NO_SOURCE; below: per-source columns. */
  source = new Int32Array(INITIAL);
  /** Its own arithmetic fails (parts ≠ 合计, sources ≠ 合计). */
  broken = new Uint8Array(INITIAL);
  persons = new Float64Array(INITIAL);
  /** Fen. */
  cash = new Float64Array(INITIAL);
  goods = new Float64Array(INITIAL);
  /** Fen of a 合计 not split into 慰问金 and 物资折款. */
  unsplit = new Float64Array(INITIAL);
  /** 元: what the row's total says (Household.amount). */
  face = new Float64Array(INITIAL);
  /** Some row's persons is not a whole number (sums of them then depend on their order). */
  fractionalPersons = false;
  /** Fen of each per-source column, four a row; made when a row first has such columns. */
  perSource: Float64Array | null = null;

  private current: ReadingSheet | null = null;
  private currentCtx: SheetContext | null = null;
  private readonly groupIndex = new Map<string, Map<string, Map<string, number>>>();
  private lastGroup: ReadingGroup | null = null;
  private lastGroupIndex = -1;
  /** The types of lastGroup's county and township. */
  private lastTypes: Map<string, number> | null = null;
  private readonly sourceIndex = new Map<string, number>();
  /** Source id of each per-source column (SOURCE_KEYS order). */
  readonly columnSources = SOURCE_KEYS.map((k) => this.sourceOf(SOURCE_NAMES[k]));
  /** The duplicate check's index of IDs, when it indexed the rows' IDs. */
  private shared: IdIndex | null = null;
  /** Every ID's row (as a readings index), only for rows no duplicate check indexed. */
  private own: IdIndex | null = null;
  /** Readings index of each entry of `shared`. */
  private rowOfEntry = new Int32Array(INITIAL);

  /** Reads one household into the next slot. */
  add(h: Household, ctx: SheetContext): void {
    if (ctx !== this.currentCtx) this.startSheet(ctx);
    const s = this.current!;
    const i = this.length;
    if (i === this.row.length) this.grow(i + 1);
    if (i > s.from && h.row <= this.row[i - 1]) s.ascending = false;
    this.row[i] = h.row;
    this.group[i] = this.groupOf(h.county, h.township, h.hardshipType);
    const m = h.money;
    const hasParts = m.cash.yuan !== null || m.goodsValue.yuan !== null;
    const cash = fen(m.cash.yuan);
    const goods = fen(m.goodsValue.yuan);
    let broken = false;
    let unsplit = 0;
    if (m.total.yuan !== null) {
      const total = fen(m.total.yuan);
      if (!hasParts) unsplit = total;
      else if (cash + goods !== total) broken = true;
    }
    const amount = cash + goods + unsplit;
    let source = NO_SOURCE;
    if (m.sourceGov.yuan !== null || m.sourceDept.yuan !== null || m.sourceEnterprise.yuan !== null || m.sourceSocial.yuan !== null) {
      const per = this.perSource ?? (this.perSource = new Float64Array(this.row.length * 4));
      let mask = 0;
      let sum = 0;
      for (let j = 0; j < SOURCE_KEYS.length; j++) {
        const yuan = m[SOURCE_KEYS[j]].yuan;
        if (yuan === null) continue;
        const v = fen(yuan);
        per[i * 4 + j] = v;
        sum += v;
        mask |= 1 << j;
      }
      if (sum !== amount) broken = true;
      source = PER_SOURCE - mask;
    } else if (amount !== 0) {
      // One 资金来源 column (or none): the whole amount goes to the source it names.
      // The source the reader named (no walk over the keys of h.sources per household).
      source = this.sourceOf(h.source ?? UNSPECIFIED_SOURCE);
    }
    this.source[i] = source;
    this.broken[i] = broken ? 1 : 0;
    const persons = h.members.ok && h.members.value > 0 ? h.members.value : 0;
    if (!Number.isInteger(persons)) this.fractionalPersons = true;
    this.persons[i] = persons;
    this.cash[i] = cash;
    this.goods[i] = goods;
    this.unsplit[i] = unsplit;
    this.face[i] = h.amount;
    this.length = s.to = i + 1;
    const sums = this.sums[this.group[i]];
    sums.addSheet(s, i * 8);
    if (broken) {
      sums.pending.households++;
      sums.pending.values++;
      sums.pending.amount += fen(h.amount);
    } else {
      sums.households++;
      sums.persons += persons;
      sums.cash += cash;
      sums.goods += goods;
      sums.unsplit += unsplit;
      sums.amount += amount;
      if (source >= 0) sums.addSource(source, amount, i * 8);
      else if (source < NO_SOURCE) {
        const mask = sourceMask(source);
        for (let j = 0; j < SOURCE_KEYS.length; j++) if ((mask & (1 << j)) !== 0) sums.addSource(this.columnSources[j], this.perSource![i * 4 + j], i * 8 + j);
      }
    }
    if (h.id.kind === 'id') {
      const index = h.idIndex;
      if (index === undefined) (this.own ?? (this.own = new IdIndex())).add(h.id.id18, i);
      else {
        // The check added this row's ID last, just before the row was handed here.
        const e = index.length - 1;
        this.shared = index;
        if (e >= this.rowOfEntry.length) {
          const more = new Int32Array(Math.max(e + 1, this.rowOfEntry.length * 2));
          more.set(this.rowOfEntry);
          this.rowOfEntry = more;
        }
        this.rowOfEntry[e] = i;
      }
    }
  }

  /** Fen of row i: the whole amount (cash + goods + unsplit). */
  amount(i: number): number {
    return this.cash[i] + this.goods[i] + this.unsplit[i];
  }

  /** The sheet of row i. */
  sheetAt(i: number): ReadingSheet {
    let lo = 0;
    let hi = this.sheets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sheets[mid].from <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.sheets[lo];
  }

  /** IDs found in more than one row, in the order first seen; each one's rows in order. */
  repeatedIds(): RepeatedId[] {
    const shared = this.shared;
    const own = this.own;
    if (shared && own && own.length > 0) return this.mixedRepeats(shared, own);
    if (shared) return shared.repeats().map(({ id, entries }) => ({ id, rows: entries.map((e) => this.rowOfEntry[e]) }));
    if (own) return own.repeats().map(({ id, entries }) => ({ id, rows: entries.map((e) => own.value(e)) }));
    return [];
  }

  /** Some rows indexed by the check, some not (no run does this): every ID indexed again, in row order. */
  private mixedRepeats(shared: IdIndex, own: IdIndex): RepeatedId[] {
    const idOf = new Map<number, string>();
    own.ids().forEach((id, e) => idOf.set(own.value(e), id));
    shared.ids().forEach((id, e) => idOf.set(this.rowOfEntry[e], id));
    const all = new IdIndex();
    for (const i of [...idOf.keys()].sort((a, b) => a - b)) all.add(idOf.get(i)!, i);
    return all.repeats().map(({ id, entries }) => ({ id, rows: entries.map((e) => all.value(e)) }));
  }

  private startSheet(ctx: SheetContext) {
    const s: ReadingSheet = {
      file: ctx.file,
      sheet: ctx.table.sheet,
      idCol: ctx.col('idNumber') ?? ctx.col('head') ?? ctx.table.left,
      headCol: ctx.col('head') ?? 0,
      grid: ctx.grid,
      from: this.length,
      to: this.length,
      ascending: true,
    };
    // Room for the sheet's rows at once: a one-tab ledger is read into arrays of its own size.
    if (this.length + ctx.table.dataRows.length > this.row.length) this.grow(this.length + ctx.table.dataRows.length);
    this.sheets.push(s);
    this.current = s;
    this.currentCtx = ctx;
  }

  /** Room for `needed` rows, at least twice the present room (so adding stays linear). */
  private grow(needed: number) {
    const n = Math.max(needed, this.row.length * 2);
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, size = n): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.row = more(this.row);
    this.group = more(this.group);
    this.source = more(this.source);
    this.broken = more(this.broken);
    this.persons = more(this.persons);
    this.cash = more(this.cash);
    this.goods = more(this.goods);
    this.unsplit = more(this.unsplit);
    this.face = more(this.face);
    if (this.perSource) this.perSource = more(this.perSource, n * 4);
    // A row adds at most one entry to the duplicate check's index of IDs.
    this.rowOfEntry = more(this.rowOfEntry, Math.max(n, this.rowOfEntry.length));
  }

  /**
   * Rows of a township share their group: the last one is tried before the tables, and the last
   * township's types (the type changes from row to row, the township seldom: one Map read then).
   */
  private groupOf(county: string, township: string, type: string): number {
    const last = this.lastGroup;
    if (last && last.county === county && last.township === township && last.type === type) return this.lastGroupIndex;
    let types: Map<string, number> | undefined;
    if (last && last.county === county && last.township === township) types = this.lastTypes!;
    else {
      let townships = this.groupIndex.get(county);
      if (!townships) this.groupIndex.set(county, (townships = new Map()));
      types = townships.get(township);
      if (!types) townships.set(township, (types = new Map()));
      this.lastTypes = types;
    }
    let g = types.get(type);
    if (g === undefined) {
      g = this.groups.length;
      types.set(type, g);
      this.groups.push({ county, township, type });
      this.sums.push(new Sums());
    }
    this.lastGroup = this.groups[g];
    this.lastGroupIndex = g;
    return g;
  }

  private sourceOf(name: string): number {
    let k = this.sourceIndex.get(name);
    if (k === undefined) {
      k = this.sourceNames.length;
      this.sourceIndex.set(name, k);
      this.sourceNames.push(name);
    }
    return k;
  }

  /** The readings' index of Excel row `row` of sheet `s`, or -1 when it was not read. */
  indexIn(s: ReadingSheet, row: number): number {
    if (s.ascending) {
      let lo = s.from;
      let hi = s.to - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const r = this.row[mid];
        if (r === row) return mid;
        if (r < row) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    for (let i = s.from; i < s.to; i++) if (this.row[i] === row) return i;
    return -1;
  }
}
