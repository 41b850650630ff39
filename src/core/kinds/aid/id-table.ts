/**
 * ID numbers (the 18-character form: 17 digits and a digit or X) → the first value stored for
 * each, in typed arrays. For speed: the duplicate check looks up every household's ID once, and a
 * Map keyed by 100,000 fresh ID strings cost it about 30 ms (hashing each string, growing the
 * map); here an ID is two integers read from its characters, and nothing is allocated per ID.
 * An ID of another form (never made by readIdNumber) goes to a plain Map.
 */
export class IdTable {
  private hi = new Int32Array(INITIAL);
  private lo = new Int32Array(INITIAL);
  private values = new Float64Array(INITIAL);
  /** 0 marks a free slot: stored lo values are lo + 1. */
  private size = 0;
  private others: Map<string, number> | null = null;

  /** The value stored for `id`, or -1 after storing `value` for it (the first time it is seen). */
  firstOrAdd(id: string, value: number): number {
    if (id.length !== 18) return this.other(id, value);
    let hi = 0;
    for (let i = 0; i < 9; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return this.other(id, value);
      hi = hi * 10 + d;
    }
    let lo = 0;
    for (let i = 9; i < 17; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return this.other(id, value);
      lo = lo * 10 + d;
    }
    const last = id.charCodeAt(17);
    const check = last === 88 ? 10 : last - 48;
    if (check < 0 || check > 10) return this.other(id, value);
    // hi < 10^9 and lo + 1 ≤ 11·10^8: both fit an Int32 and say the ID exactly.
    lo = lo * 11 + check + 1;
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    const mask = this.hi.length - 1;
    let slot = hash(hi, lo) & mask;
    for (;;) {
      const l = this.lo[slot];
      if (l === 0) break;
      if (l === lo && this.hi[slot] === hi) return this.values[slot];
      slot = (slot + 1) & mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.values[slot] = value;
    this.size++;
    return -1;
  }

  private other(id: string, value: number): number {
    const others = this.others ?? (this.others = new Map());
    const v = others.get(id);
    if (v !== undefined) return v;
    others.set(id, value);
    return -1;
  }

  /** Room for `more` IDs beyond those stored (a sheet's rows, before they are added). */
  reserve(more: number) {
    let n = this.hi.length;
    while ((this.size + more) * 2 > n) n *= 2;
    if (n > this.hi.length) this.grow(n);
  }

  /** Room for n slots (twice the present room by default), every stored ID placed again. */
  private grow(n = this.hi.length * 2) {
    const { hi, lo, values } = this;
    this.hi = new Int32Array(n);
    this.lo = new Int32Array(n);
    this.values = new Float64Array(n);
    const mask = n - 1;
    for (let i = 0; i < hi.length; i++) {
      if (lo[i] === 0) continue;
      let slot = hash(hi[i], lo[i]) & mask;
      while (this.lo[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = hi[i];
      this.lo[slot] = lo[i];
      this.values[slot] = values[i];
    }
  }
}

const INITIAL = 1024;

/**
 * Mixes an ID's two integers into a slot number: the digits of IDs of one county differ mostly
 * in a few places, so every bit of the result must depend on all of them (a finaliser in the
 * manner of MurmurHash3's).
 */
function hash(hi: number, lo: number): number {
  let h = Math.imul(lo, 0x85ebca6b) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}
