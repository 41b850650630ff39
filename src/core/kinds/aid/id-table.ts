/**
 * ID numbers (the 18-character form: 17 digits and a digit or X) → the first value stored for
 * each (a whole number from 0 below 2^52: a packed row, a readings index). For speed: the
 * duplicate check looks up every household's ID once, and a Map keyed by 100,000 fresh ID
 * strings cost it about 30 ms (hashing each string, growing the map); here an ID is two
 * integers read from its characters, stored with its value in one slot of 16 bytes of one typed
 * array (a lookup in a table bigger than the cache costs one cache miss, not three), and nothing
 * is allocated per ID. An ID of another form (never made by readIdNumber) goes to a plain Map.
 */
export class IdTable {
  /** Slot k is slots[4k..4k+3]: lo + 1 (0: free), hi, value's high and low 26 bits. */
  private slots = new Int32Array(INITIAL * 4);
  private capacity = INITIAL;
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
    if ((this.size + 1) * 2 > this.capacity) this.grow(this.capacity * 2);
    const slots = this.slots;
    const mask = this.capacity - 1;
    let k = (hash(hi, lo) & mask) * 4;
    for (;;) {
      const l = slots[k];
      if (l === 0) break;
      if (l === lo && slots[k + 1] === hi) return slots[k + 2] * VALUE_SPLIT + slots[k + 3];
      k = (k + 4) & (mask * 4 + 3);
    }
    slots[k] = lo;
    slots[k + 1] = hi;
    slots[k + 2] = Math.floor(value / VALUE_SPLIT);
    slots[k + 3] = value % VALUE_SPLIT;
    this.size++;
    return -1;
  }

  /** Room for `more` IDs beyond those stored (a sheet's rows, before they are added). */
  reserve(more: number) {
    let n = this.capacity;
    while ((this.size + more) * 2 > n) n *= 2;
    if (n > this.capacity) this.grow(n);
  }

  private other(id: string, value: number): number {
    const others = this.others ?? (this.others = new Map());
    const v = others.get(id);
    if (v !== undefined) return v;
    others.set(id, value);
    return -1;
  }

  /** Room for n slots (a power of two), every stored ID placed again. */
  private grow(n: number) {
    const old = this.slots;
    const slots = new Int32Array(n * 4);
    const wrap = n * 4 - 1;
    for (let j = 0; j < old.length; j += 4) {
      if (old[j] === 0) continue;
      let k = (hash(old[j + 1], old[j]) & (n - 1)) * 4;
      while (slots[k] !== 0) k = (k + 4) & wrap;
      slots[k] = old[j];
      slots[k + 1] = old[j + 1];
      slots[k + 2] = old[j + 2];
      slots[k + 3] = old[j + 3];
    }
    this.slots = slots;
    this.capacity = n;
  }
}

const INITIAL = 1024;
/** A value is kept as two Int32s: value = high · 2^26 + low (high < 2^26 for values below 2^52). */
const VALUE_SPLIT = 2 ** 26;

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
