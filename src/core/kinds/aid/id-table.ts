import { digitsValue } from '../../read/text';

/** An ID number entered more than once: the ID (as first entered) and its entries, in order. */
export interface IdGroup {
  id: string;
  entries: number[];
}

/**
 * Every ID number entered (the 18-character form: 17 digits and a digit or X), each with a
 * value (a whole number from 0 below 2^53: a packed row), and those entered more than once. For
 * speed: one hash table looked up per row cost about 300 ns an ID on 100,000 (each lookup a
 * cache miss in a table of megabytes, and the table placed again as it grew). Here a row's ID is
 * read into two integers and appended to one of BUCKETS lists by the top bits of its hash (few
 * write positions: they stay in the cache); the repeats are sought when asked, a bucket at a time
 * in a small table that stays in the cache. An ID of another form (never made by readIdNumber)
 * is kept by its text in a plain Map.
 */
export class IdIndex {
  /** Entries so far; entry e is the e-th ID added. */
  length = 0;
  private values = new Float64Array(INITIAL);
  /**
   * The buckets' lists side by side, `room` numbers each: hi, lo, hash and entry of each ID of
   * bucket b, in the order added, from b · room (hi: its first 9 digits; lo: its next 8 digits ·
   * 11 + its check (X: 10) + 1). One array (made again, twice the room, when a
   * bucket is full) rather than one per bucket: few allocations.
   */
  private lists = new Int32Array(BUCKETS * 64);
  private room = 64;
  /** Numbers used in each bucket's list. */
  private readonly filled = new Int32Array(BUCKETS);
  /** IDs of another form → their entries. */
  private others: Map<string, number[]> | null = null;
  private grouped: IdGroup[] | null = null;

  /** Adds an ID with its value; returns its entry. */
  add(id: string, value: number): number {
    const e = this.length;
    if (e === this.values.length) this.grow(e * 2);
    this.values[e] = value;
    this.length = e + 1;
    this.grouped = null;
    const hi = id.length === 18 ? digitsValue(id, 0, 9) : -1;
    const middle = hi >= 0 ? digitsValue(id, 9, 17) : -1;
    const last = id.charCodeAt(17);
    const check = last === 88 ? 10 : last - 48;
    if (middle >= 0 && check >= 0 && check <= 10) {
      // At most 11·10^8 + 10: an Int32 that with hi says the ID exactly.
      const lo = middle * 11 + check + 1;
      const h = hash(hi, lo);
      const b = h >>> (32 - BUCKET_BITS);
      let k = this.filled[b];
      if (k === this.room) this.moreRoom();
      this.filled[b] = k + 4;
      k += b * this.room;
      const lists = this.lists;
      lists[k] = hi;
      lists[k + 1] = lo;
      lists[k + 2] = h;
      lists[k + 3] = e;
      return e;
    }
    const others = this.others ?? (this.others = new Map());
    const list = others.get(id);
    if (list) list.push(e);
    else others.set(id, [e]);
    return e;
  }

  /** The value added with entry e. */
  value(e: number): number {
    return this.values[e];
  }

  /** Every entry's ID, as added (by entry). */
  ids(): string[] {
    const out = new Array<string>(this.length);
    for (let b = 0; b < BUCKETS; b++) {
      for (let k = b * this.room; k < b * this.room + this.filled[b]; k += 4) out[this.lists[k + 3]] = idText(this.lists[k], this.lists[k + 1]);
    }
    if (this.others) for (const [id, entries] of this.others) for (const e of entries) out[e] = id;
    return out;
  }

  /** Room for `more` entries beyond those added (a sheet's rows, before they are added). */
  reserve(more: number) {
    const n = this.length + more;
    if (n > this.values.length) this.grow(Math.max(n, this.values.length * 2));
    // Every bucket's share and a quarter more (buckets fill evenly: a hash's top bits): a bucket
    // seldom fills while rows are added, where making room would throw the adding out of its
    // optimised code for a while.
    const room = 4 * (Math.ceil((n / BUCKETS) * 1.25) + 16);
    if (room > this.room) this.moreRoom(room);
  }

  /** IDs entered more than once, in the order first entered; each one's entries in order. */
  repeats(): IdGroup[] {
    if (this.grouped) return this.grouped;
    const out: IdGroup[] = [];
    const firsts = new Map<number, IdGroup>();
    let largest = 0;
    for (let b = 0; b < BUCKETS; b++) largest = Math.max(largest, this.filled[b]);
    // Slots for twice the largest bucket's IDs (four numbers each).
    const table = new Int32Array(roomFor(largest >> 1));
    for (let b = 0; b < BUCKETS; b++) if (this.filled[b] > 4) repeatsIn(this.lists, b * this.room, this.filled[b], table, firsts, out);
    if (this.others) for (const [id, entries] of this.others) if (entries.length > 1) out.push({ id, entries });
    return (this.grouped = out.sort((a, b) => a.entries[0] - b.entries[0]));
  }

  /** At least twice the room in every bucket's list. */
  private moreRoom(atLeast = 0) {
    const room = Math.max(atLeast, this.room * 2);
    const lists = new Int32Array(BUCKETS * room);
    for (let b = 0; b < BUCKETS; b++) lists.set(this.lists.subarray(b * this.room, b * this.room + this.filled[b]), b * room);
    this.lists = lists;
    this.room = room;
  }

  private grow(n: number) {
    const values = new Float64Array(n);
    values.set(this.values);
    this.values = values;
  }
}

/**
 * The repeated IDs of one bucket (`used` numbers from `from` in `lists`, four an ID) into `out`,
 * found with `table` (room for twice its IDs). A function of its own, called for every bucket:
 * optimised after the first few, where one loop over every bucket would run once, cold.
 */
function repeatsIn(lists: Int32Array, from: number, used: number, table: Int32Array, firsts: Map<number, IdGroup>, out: IdGroup[]) {
  const slots = roomFor(used >> 1);
  const mask = slots - 1;
  table.fill(0, 0, slots);
  const to = from + used;
  for (let k = from; k < to; k += 4) {
    const hi = lists[k];
    const lo = lists[k + 1];
    let s = lists[k + 2] & mask;
    for (;;) {
      const t = table[s];
      if (t === 0) {
        table[s] = k + 1;
        break;
      }
      const f = t - 1;
      if (lists[f + 1] === lo && lists[f] === hi) {
        const first = lists[f + 3];
        let g = firsts.get(first);
        if (!g) {
          firsts.set(first, (g = { id: idText(hi, lo), entries: [first] }));
          out.push(g);
        }
        g.entries.push(lists[k + 3]);
        break;
      }
      s = (s + 1) & mask;
    }
  }
}

/** The least power of two ≥ n. */
function roomFor(n: number): number {
  let size = 2;
  while (size < n) size *= 2;
  return size;
}

const INITIAL = 1024;
/** 256 buckets: a million IDs make buckets of about 4,000, whose tables (32 KB) fit the cache. */
const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;

/** The text of a standard ID from its two integers. */
function idText(hi: number, lo: number): string {
  const check = (lo - 1) % 11;
  const middle = (lo - 1 - check) / 11;
  return String(hi).padStart(9, '0') + String(middle).padStart(8, '0') + (check === 10 ? 'X' : String(check));
}

/**
 * Mixes an ID's two integers into 32 bits: the digits of IDs of one county differ mostly in a
 * few places, so every bit of the result must depend on all of them (a finaliser in the manner
 * of MurmurHash3's). The top bits pick a bucket, the low bits a slot.
 */
function hash(hi: number, lo: number): number {
  let h = Math.imul(lo, 0x85ebca6b) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}
