/** A sheet households came from: file and tab. */
export interface SourceSheet {
  file: string;
  sheet: string;
}

/** Money the checker doubts, as Sums keep it: households, doubted cells, and fen at face value. */
export interface PendingSums {
  households: number;
  values: number;
  amount: number;
}

/**
 * Households, persons and money of a group of rows (in fen, so every sum is exact whatever the
 * order it is added in), the money in doubt kept apart, and when each sheet and fund source was
 * first added to (order keys: row index · 8, + the source's column), so groups added together
 * list them in the order their first rows came.
 */
export class Sums {
  households = 0;
  // Sums of fen pass 2^31 (and persons may be fractions): these fields are made doubles from the
  // start (set to a fraction first, then to 0). V8 keeps a field's first representation, and a
  // field turned from whole number to double throws away the optimised code of every adder.
  persons = HALF;
  cash = HALF;
  goods = HALF;
  /** Fen of rows that give only a 合计, not split into 慰问金 and 物资折款. */
  unsplit = HALF;
  amount = HALF;
  readonly pending: PendingSums = { households: 0, values: 0, amount: HALF };
  /** Fen by source id (the readings' source names), and each one's first order key (-1: none yet). */
  sources = new Float64Array(SOURCES);
  sourceFirst = new Float64Array(SOURCES).fill(-1);
  sheets: SourceSheet[] = [];
  sheetFirst: number[] = [];
  /** The sheet last added to (rows come sheet by sheet: only a new one is looked for in the list). */
  lastSheet: SourceSheet | null = null;

  constructor() {
    this.persons = this.cash = this.goods = this.unsplit = this.amount = this.pending.amount = 0;
  }

  /** Counts sheet `s` as one this group's rows come from, first at order key `key`. */
  addSheet(s: SourceSheet, key: number) {
    if (s === this.lastSheet) return;
    this.lastSheet = s;
    const at = this.sheets.findIndex((t) => t.file === s.file && t.sheet === s.sheet);
    if (at < 0) {
      this.sheets.push({ file: s.file, sheet: s.sheet });
      this.sheetFirst.push(key);
    } else if (key < this.sheetFirst[at]) this.sheetFirst[at] = key;
  }

  /** Adds fen to a source, first at order key `key` unless it had money added before. */
  addSource(id: number, fen: number, key: number) {
    if (id >= this.sources.length) this.moreSources(id + 1);
    this.sources[id] += fen;
    const first = this.sourceFirst[id];
    if (first < 0 || key < first) this.sourceFirst[id] = key;
  }

  /** The ids of the sources added to, in the order of their first keys. */
  sourceOrder(): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.sourceFirst.length; id++) if (this.sourceFirst[id] >= 0) ids.push(id);
    return ids.sort((a, b) => this.sourceFirst[a] - this.sourceFirst[b]);
  }

  /** Adds another group's figures, as if its rows had been added here. */
  merge(g: Sums) {
    this.households += g.households;
    this.persons += g.persons;
    this.cash += g.cash;
    this.goods += g.goods;
    this.unsplit += g.unsplit;
    this.amount += g.amount;
    this.pending.households += g.pending.households;
    this.pending.values += g.pending.values;
    this.pending.amount += g.pending.amount;
    g.sheets.forEach((s, k) => {
      this.lastSheet = null;
      this.addSheet(s, g.sheetFirst[k]);
    });
    this.lastSheet = null;
    if (g.sheets.length > 0 && this.sheets.length > 1) {
      const order = this.sheets.map((s, k) => ({ s, first: this.sheetFirst[k] })).sort((a, b) => a.first - b.first);
      this.sheets = order.map((o) => o.s);
      this.sheetFirst = order.map((o) => o.first);
    }
    for (let id = 0; id < g.sourceFirst.length; id++) if (g.sourceFirst[id] >= 0) this.addSource(id, g.sources[id], g.sourceFirst[id]);
  }

  private moreSources(n: number) {
    const size = Math.max(n, this.sources.length * 2);
    const sources = new Float64Array(size);
    sources.set(this.sources);
    const first = new Float64Array(size).fill(-1);
    first.set(this.sourceFirst);
    this.sources = sources;
    this.sourceFirst = first;
  }
}

const HALF = 0.5;

/** Room for this many fund sources at first (the four per-source columns and a few named ones). */
const SOURCES = 8;
