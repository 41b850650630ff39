/**
 * A streaming XML tokenizer over UTF-8 bytes, for the big parts (sheets, shared strings). Bytes
 * are pushed as they are inflated and never held whole: only an unfinished token is carried to
 * the next push. It checks what tells a damaged part from a good one (tags nest and close, one
 * root, no text outside it, known entities, no DTD) and leaves meaning to its handler. Text
 * reaches the handler only while it asks for it (`collecting`), as strings copied out of the
 * bytes, entities decoded without a regular expression.
 */
import { MAX_TOKEN_BYTES } from './limits';

export interface XmlHandler {
  /** While true, text is decoded and passed to `text`; otherwise it is skipped unread. */
  collecting: boolean;
  /** An element starts; `t` describes it (valid only during the call). */
  open(t: XmlTokenizer): void;
  /** An element ends (also right after `open` for `<x/>`); `t.local*` describe its name. */
  close(t: XmlTokenizer): void;
  /** Text buf[s..e) of the current buffer (t.buf), raw for CDATA: decode it with t.decode or t.number. */
  text(t: XmlTokenizer, s: number, e: number, raw: boolean): void;
  /**
   * Optional: a whole element starting at buf[lt] ('<' then a name) read at once, for the shapes
   * that repeat by the million. Returns where the element ends, ELEMENT_DECLINED to leave it to
   * open/text/close, or ELEMENT_UNFINISHED when it runs past the buffer (it is read again with
   * the next bytes). It must change nothing before it knows it takes the element.
   */
  element?(t: XmlTokenizer, lt: number): number;
}

export const ELEMENT_DECLINED = -1;
export const ELEMENT_UNFINISHED = -2;

/** Bytes the tokenizer and the element readers look for. */
export const SP = 32;
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const EQ = 61;
export const QUOT = 34;
export const APOS = 39;
const QMARK = 63;
const BANG = 33;
const AMP = 38;
const COLON = 58;

const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;

export class XmlError extends Error {}

export class XmlTokenizer {
  /** The current buffer and, during `open`/`close`, where the element's local name lies in it. */
  buf: Uint8Array = new Uint8Array(0);
  localStart = 0;
  localEnd = 0;
  selfClosing = false;
  /** Attribute ranges of the element being opened: name start/end, value start/end, four per attribute. */
  attrs: number[] = [];
  attrCount = 0;
  depth = 0;
  private stack: number[] = [];
  private rootSeen = false;
  private skipUntil: Uint8Array | null = null;
  private carry: Uint8Array | null = null;
  private joined = new Uint8Array(0);
  // ignoreBOM: a U+FEFF inside a text is the text's (the part's own mark is dropped by utf8Stream).
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** UTF-16 units of the text being decoded (never more units than bytes). */
  private readonly units = new Uint16Array(SHORT_TEXT);
  /**
   * Whether texts repeat (a sheet's cells): if not (the shared strings, each unique), decoded
   * texts are not kept to be found again, which only cost a copy of each text's bytes.
   */
  repeats = true;
  /** Recently decoded non-ASCII texts by a hash of their bytes (one per slot). */
  private readonly textCache: Array<{ bytes: Uint8Array; raw: boolean; text: string } | undefined> = new Array(TEXT_CACHE_SLOTS);

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  fail(why: string): never {
    throw new XmlError(`${this.part}: ${why}`);
  }

  /** Feeds the next bytes of the part. */
  push(chunk: Uint8Array): void {
    // Always a plain Uint8Array (Node hands Buffers, a subclass): one shape of buffer keeps the
    // scanning code optimised instead of thrown back to the interpreter when the shape changes.
    let buf = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    const carry = this.carry;
    if (carry) {
      this.carry = null;
      // The unfinished token is joined with the chunk's first bytes only, where it nearly always
      // ends; the chunk is then read where it lies, not copied (a MiB per chunk, 50 MB a run).
      const head = Math.min(buf.length, JOIN_HEAD);
      const joined = this.join(carry, buf.subarray(0, head));
      const from = this.run(joined, 0);
      if (from >= carry.length || head === buf.length) {
        if (head === buf.length) return this.keep(joined, from);
        start = from - carry.length;
      } else {
        // A token longer than the head (a long text being collected): joined with the whole chunk, as it comes.
        buf = this.join(joined.slice(from, carry.length), buf);
      }
    }
    this.keep(buf, this.run(buf, start));
  }

  /** One buffer of `a` then `b`: the same buffer each time (nothing keeps a view of it past a push: texts are copied out). */
  private join(a: Uint8Array, b: Uint8Array): Uint8Array {
    const need = a.length + b.length;
    if (this.joined.length < need) this.joined = new Uint8Array(need + (need >> 3));
    const buf = this.joined.subarray(0, need);
    buf.set(a);
    buf.set(b, a.length);
    return buf;
  }

  /** Keeps buf[from..] (an unfinished token) for the next push. */
  private keep(buf: Uint8Array, from: number): void {
    if (from < buf.length) {
      if (buf.length - from > MAX_TOKEN_BYTES) this.fail('an element or value is far longer than any spreadsheet writes');
      this.carry = buf.slice(from);
    }
  }

  /** A start tag the handler's `element` read itself, its children to follow: the element is open now. */
  entered(nameHash: number): void {
    this.stack[this.depth++] = nameHash;
  }

  /**
   * An end tag the handler's `element` read itself: true (the element is closed) if it closes the
   * innermost open element, known by `nameHash`; false to leave it to the tokenizer, which
   * reads it and says what is wrong.
   */
  exited(nameHash: number): boolean {
    if (this.depth === 0 || this.stack[this.depth - 1] !== nameHash) return false;
    this.depth--;
    return true;
  }

  /** The hash an open element is known by (`entered`), of its whole name as written. */
  static nameHash(name: Uint8Array): number {
    let hash = 0;
    for (const c of name) hash = (hash * 31 + c) | 0;
    return hash;
  }

  /** The part has ended: it must have been one complete element. */
  end(): void {
    if (this.skipUntil) this.fail('a comment, CDATA section or processing instruction is not closed');
    if (this.carry && this.carry.some((b) => !isSpace(b))) this.fail('the part ends inside an element');
    if (!this.rootSeen) this.fail('no XML element in the part');
    if (this.depth > 0) this.fail('the part ends before its elements are closed');
  }

  /** The value of attribute `name` (unprefixed) of the element being opened, as bytes range index, or -1. */
  attrIndex(name: string): number {
    const buf = this.buf;
    for (let a = 0; a < this.attrCount; a++) {
      const s = this.attrs[a * 4];
      const e = this.attrs[a * 4 + 1];
      if (e - s !== name.length) continue;
      let k = 0;
      while (k < name.length && buf[s + k] === name.charCodeAt(k)) k++;
      if (k === name.length) return a;
    }
    return -1;
  }

  attr(name: string): string | undefined {
    const a = this.attrIndex(name);
    return a < 0 ? undefined : this.decode(this.attrs[a * 4 + 2], this.attrs[a * 4 + 3], false);
  }

  /** Attribute `name` as a non-negative integer; undefined if absent, NaN if not digits (or over 9 of them). */
  attrInt(name: string): number | undefined {
    const a = this.attrIndex(name);
    return a < 0 ? undefined : this.uint(this.attrs[a * 4 + 2], this.attrs[a * 4 + 3]);
  }

  /** Digits buf[s..e) as an integer; NaN if they are not plain digits (or more than 9). */
  uint(s: number, e: number): number {
    if (e <= s || e - s > 9) return NaN;
    let n = 0;
    for (let i = s; i < e; i++) {
      const d = this.buf[i] - 48;
      if (d < 0 || d > 9) return NaN;
      n = n * 10 + d;
    }
    return n;
  }

  /**
   * buf[s..e) as Number(text) would read it, without making a string, for the plain decimals
   * sheets hold (-12.5, 3, 0.05); NaN for anything else (read it as text then).
   */
  number(s: number, e: number): number {
    const buf = this.buf;
    let i = s;
    const neg = buf[i] === 45;
    if (neg) i++;
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = buf[i];
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
      } else if (c === 46 && frac < 0) frac = i;
      else break;
    }
    // Up to 15 digits the mantissa is exact, and one division by an exact power of ten rounds correctly.
    if (i === e && digits > 0 && digits <= 15) {
      const v = frac < 0 ? m : m / POW10[e - frac - 1];
      return neg ? -v : v;
    }
    return NaN;
  }

  /** Whether the element's local name is `name`. */
  is(name: string): boolean {
    if (this.localEnd - this.localStart !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (this.buf[this.localStart + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** Text of buf[s..e) (s < e) that is plain ASCII with no & and no \r: a string of its bytes as they are. */
  ascii(s: number, e: number): string {
    return asciiString(this.buf, s, e);
  }

  /** Text of buf[s..e), entities decoded unless raw (CDATA); line ends normalised as XML says. */
  decode(s: number, e: number, raw: boolean): string {
    const out = e - s <= SHORT_TEXT ? this.decodeShort(s, e, raw) : this.decodeLong(s, e, raw);
    return out.indexOf('\r') < 0 ? out : out.replace(/\r\n?/g, '\n');
  }

  /**
   * A cell's text in one pass: UTF-8 (checked as strictly as the fatal TextDecoder) and character
   * references go into one buffer of UTF-16 units, made a string once. openpyxl writes every
   * Chinese character as &#22522;: no string per character, no decoder call per piece.
   */
  private decodeShort(s: number, e: number, raw: boolean): string {
    const buf = this.buf;
    let i = s;
    while (i < e && buf[i] < 0x80 && buf[i] !== AMP) i++;
    // Plain ASCII (numbers, codes, ID numbers): a one-byte string straight from the bytes.
    if (i === e) return s === e ? '' : asciiString(buf, s, e);
    if (e - s > CACHED_TEXT || !this.repeats) return this.decodeUnits(s, e, i, raw);
    // Non-ASCII cell texts repeat (村, 困难类型, 资金来源, names): the same bytes give the same string,
    // made once, so 100,000 rows neither decode nor keep 100,000 copies of 东村.
    let h = raw ? 1 : 0;
    for (let k = s; k < e; k++) h = Math.imul(h ^ buf[k], 16_777_619);
    const slot = (h >>> 0) & (TEXT_CACHE_SLOTS - 1);
    const hit = this.textCache[slot];
    if (hit !== undefined && hit.raw === raw && hit.bytes.length === e - s) {
      const b = hit.bytes;
      let k = 0;
      while (k < b.length && b[k] === buf[s + k]) k++;
      if (k === b.length) return hit.text;
    }
    const text = this.decodeUnits(s, e, i, raw);
    this.textCache[slot] = { bytes: buf.slice(s, e), raw, text };
    return text;
  }

  /** decodeShort's work from the first byte (at i) that is not plain ASCII. */
  private decodeUnits(s: number, e: number, i: number, raw: boolean): string {
    const buf = this.buf;
    const units = this.units;
    let n = 0;
    for (let k = s; k < i; k++) units[n++] = buf[k];
    while (i < e) {
      const b = buf[i];
      if (b < 0x80) {
        if (b === AMP && !raw) {
          const stop = Math.min(e, i + 12);
          const semi = find(buf, 59, i, stop);
          if (semi >= stop) this.fail('a bare & in text');
          const cp = this.entityCode(i + 1, semi);
          if (cp > 0xffff) {
            units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
            units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
          } else units[n++] = cp;
          i = semi + 1;
        } else {
          units[n++] = b;
          i++;
        }
        continue;
      }
      // Multi-byte UTF-8: the lead byte says how many continuation bytes follow, and the first one's range.
      let cp: number;
      let more: number;
      let lo = 0x80;
      let hi = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        cp = b & 0x1f;
        more = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        cp = b & 0x0f;
        more = 2;
        if (b === 0xe0) lo = 0xa0; // no overlong forms
        else if (b === 0xed) hi = 0x9f; // no surrogates
      } else if (b >= 0xf0 && b <= 0xf4) {
        cp = b & 0x07;
        more = 3;
        if (b === 0xf0) lo = 0x90;
        else if (b === 0xf4) hi = 0x8f; // nothing past U+10FFFF
      } else return this.fail('text that is not UTF-8');
      if (i + more >= e) return this.fail('text that is not UTF-8'); // cut short
      const c1 = buf[i + 1];
      if (c1 < lo || c1 > hi) return this.fail('text that is not UTF-8');
      cp = (cp << 6) | (c1 & 0x3f);
      for (let k = 2; k <= more; k++) {
        const c = buf[i + k];
        if (c < 0x80 || c > 0xbf) return this.fail('text that is not UTF-8');
        cp = (cp << 6) | (c & 0x3f);
      }
      i += more + 1;
      if (cp > 0xffff) {
        units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
        units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      } else units[n++] = cp;
    }
    return fromUnits(units, n);
  }

  /** A long text: the decoder on the runs between entities. */
  private decodeLong(s: number, e: number, raw: boolean): string {
    const buf = this.buf;
    // Bounded loops, not indexOf: indexOf would search on through the rest of the chunk.
    let amp = raw ? e : find(buf, AMP, s, e);
    if (amp === e) return this.utf8(s, e);
    let out = '';
    let from = s;
    while (amp < e) {
      out += this.utf8(from, amp);
      const semi = find(buf, 59, amp, Math.min(e, amp + 12));
      if (semi >= Math.min(e, amp + 12)) this.fail('a bare & in text');
      out += String.fromCodePoint(this.entityCode(amp + 1, semi));
      from = semi + 1;
      amp = find(buf, AMP, from, e);
    }
    return out + this.utf8(from, e);
  }

  private utf8(s: number, e: number): string {
    if (s >= e) return '';
    try {
      return this.decoder.decode(this.buf.subarray(s, e));
    } catch {
      return this.fail('text that is not UTF-8');
    }
  }

  /** The character an entity (between & and ;) stands for, as a code point. */
  private entityCode(s: number, e: number): number {
    const buf = this.buf;
    if (buf[s] === 35) {
      let n = 0;
      const hex = buf[s + 1] === 120;
      for (let i = s + (hex ? 2 : 1); i < e; i++) {
        const c = buf[i];
        const d = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) this.fail('a malformed character reference');
        n = n * (hex ? 16 : 10) + d;
      }
      if (e <= s + (hex ? 2 : 1) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) this.fail('a character reference to no character');
      return n;
    }
    const name = String.fromCharCode.apply(null, buf.subarray(s, e) as unknown as number[]);
    switch (name) {
      case 'amp':
        return 38;
      case 'lt':
        return 60;
      case 'gt':
        return 62;
      case 'quot':
        return 34;
      case 'apos':
        return 39;
    }
    return this.fail(`an undefined entity &${name};`);
  }

  private textOutside(s: number, e: number): void {
    for (let i = s; i < e; i++) if (!isSpace(this.buf[i])) this.fail('text outside the root element');
  }

  /** Tokenizes buf from `pos`; returns where the unfinished tail (to carry) starts. */
  private run(buf: Uint8Array, pos: number): number {
    this.buf = buf;
    const h = this.handler;
    const len = buf.length;
    if (this.skipUntil) {
      const end = indexOfSeq(buf, this.skipUntil, pos);
      if (end < 0) return Math.max(pos, len - this.skipUntil.length + 1);
      pos = end + this.skipUntil.length;
      this.skipUntil = null;
    }
    for (;;) {
      // A plain loop: tags are a few bytes apart, nearer than a call into indexOf pays for.
      let lt = pos;
      while (lt < len && buf[lt] !== LT) lt++;
      if (lt === len) lt = -1;
      if (lt < 0) {
        if (h.collecting) return pos; // the value goes on in the next chunk
        if (this.depth === 0) this.textOutside(pos, len);
        return len;
      }
      if (lt > pos) {
        if (h.collecting) h.text(this, pos, lt, false);
        else if (this.depth === 0) this.textOutside(pos, lt);
      }
      pos = lt;
      if (lt + 1 >= len) return lt;
      const b = buf[lt + 1];
      if (b === SLASH) {
        let gt = lt + 2;
        while (gt < len && buf[gt] !== GT) gt++;
        if (gt === len) return lt;
        let ne = gt;
        while (ne > lt + 2 && isSpace(buf[ne - 1])) ne--;
        this.closeTag(lt + 2, ne);
        pos = gt + 1;
        continue;
      }
      if (b === QMARK) {
        const end = indexOfSeq(buf, PI_END, lt + 2);
        if (end < 0) return this.skipFrom(lt, PI_END);
        pos = end + 2;
        continue;
      }
      if (b === BANG) {
        if (lt + 9 > len) return lt;
        if (buf[lt + 2] === 45 && buf[lt + 3] === 45) {
          const end = indexOfSeq(buf, COMMENT_END, lt + 4);
          if (end < 0) return this.skipFrom(lt, COMMENT_END);
          pos = end + 3;
          continue;
        }
        if (matchAt(buf, lt + 2, CDATA) === MATCH) {
          if (this.depth === 0) this.fail('CDATA outside the root element');
          const end = indexOfSeq(buf, CDATA_END, lt + 9);
          if (end < 0) return h.collecting ? lt : this.skipFrom(lt, CDATA_END);
          if (h.collecting) h.text(this, lt + 9, end, true);
          pos = end + 3;
          continue;
        }
        if (matchAt(buf, lt + 2, DOCTYPE) === MATCH) this.fail('a DTD (<!DOCTYPE>), which Office documents must not carry');
        this.fail('a malformed <! declaration');
      }
      if (h.element !== undefined) {
        const next = h.element(this, lt);
        if (next >= 0) {
          pos = next;
          continue;
        }
        if (next === ELEMENT_UNFINISHED) return lt;
      }
      const next = this.openTag(lt);
      if (next < 0) return lt;
      pos = next;
    }
  }

  /** A comment or processing instruction running past the chunk: skip to its end in later chunks. */
  private skipFrom(lt: number, terminator: Uint8Array): number {
    this.skipUntil = terminator;
    return Math.max(lt, this.buf.length - terminator.length + 1);
  }

  /** Parses `<name attr="v" ...>` at lt; returns the position after it, or -1 if it is unfinished. */
  private openTag(lt: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = lt + 1;
    let hash = 0;
    let colon = -1;
    while (i < len) {
      const c = buf[i];
      if (isSpace(c) || c === GT || c === SLASH) break;
      if (c === COLON) colon = i;
      else if (c === LT || c === EQ || c === 34 || c === 39) this.fail('a malformed tag');
      hash = (hash * 31 + c) | 0;
      i++;
    }
    if (i >= len) return -1;
    if (i === lt + 1) this.fail('a "<" that starts no element');
    const nameEnd = i;
    this.attrCount = 0;
    const attrs = this.attrs;
    for (;;) {
      while (i < len && isSpace(buf[i])) i++;
      if (i >= len) return -1;
      const c = buf[i];
      if (c === GT || c === SLASH) break;
      const an = i;
      while (i < len && !isSpace(buf[i]) && buf[i] !== EQ && buf[i] !== GT && buf[i] !== SLASH) i++;
      const ae = i;
      while (i < len && isSpace(buf[i])) i++;
      if (i >= len) return -1;
      if (buf[i] !== EQ || ae === an) this.fail('an attribute without a value');
      i++;
      while (i < len && isSpace(buf[i])) i++;
      if (i >= len) return -1;
      const q = buf[i];
      if (q !== 34 && q !== 39) this.fail('an attribute value without quotes');
      let ve = i + 1;
      while (ve < len && buf[ve] !== q) ve++;
      if (ve === len) return -1;
      const k = this.attrCount++ * 4;
      attrs[k] = an;
      attrs[k + 1] = ae;
      attrs[k + 2] = i + 1;
      attrs[k + 3] = ve;
      i = ve + 1;
      if (i < len && !isSpace(buf[i]) && buf[i] !== GT && buf[i] !== SLASH) this.fail('attributes run together');
    }
    let self = false;
    if (buf[i] === SLASH) {
      if (i + 1 >= len) return -1;
      if (buf[i + 1] !== GT) this.fail('a "/" inside a tag');
      self = true;
      i++;
    }
    if (this.depth === 0) {
      if (this.rootSeen) this.fail('a second root element');
      this.rootSeen = true;
    }
    this.localStart = colon < 0 ? lt + 1 : colon + 1;
    this.localEnd = nameEnd;
    this.selfClosing = self;
    this.handler.open(this);
    if (self) this.handler.close(this);
    else this.stack[this.depth++] = hash;
    return i + 1;
  }

  private closeTag(s: number, e: number): void {
    let hash = 0;
    let colon = -1;
    for (let i = s; i < e; i++) {
      if (this.buf[i] === COLON) colon = i;
      hash = (hash * 31 + this.buf[i]) | 0;
    }
    if (this.depth === 0 || this.stack[this.depth - 1] !== hash) this.fail('a closing tag that matches no open element');
    this.depth--;
    this.localStart = colon < 0 ? s : colon + 1;
    this.localEnd = e;
    this.selfClosing = false;
    this.handler.close(this);
  }
}

/**
 * Node's native one-byte decoder, where there is one (not in the browser): a long text of plain
 * ASCII becomes a string 3-4× sooner than through String.fromCharCode.apply. Only plain ASCII
 * goes through it, where Latin-1 and UTF-8 agree.
 */
const latin1Slice = (globalThis as { Buffer?: { prototype: { latin1Slice?: (this: Uint8Array, s: number, e: number) => string } } }).Buffer?.prototype.latin1Slice;

/** Bytes of a chunk an unfinished token from the one before is joined with (see push). */
const JOIN_HEAD = 16 * 1024;
/**
 * The string of plain ASCII bytes buf[s..e) (s < e). Up to 20 (an ID number's 18, a phone
 * number's 11) by one direct call, which V8 makes a string without a call into C++: 200,000 IDs
 * 3 ms sooner than through latin1Slice, which takes longer texts (the slower apply without Node).
 */
function asciiString(b: Uint8Array, s: number, e: number): string {
  const f = String.fromCharCode;
  switch (e - s) {
    case 1:
      return f(b[s]);
    case 2:
      return f(b[s], b[s + 1]);
    case 3:
      return f(b[s], b[s + 1], b[s + 2]);
    case 4:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    case 9:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8]);
    case 10:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9]);
    case 11:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10]);
    case 12:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11]);
    case 13:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12]);
    case 14:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13]);
    case 15:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14]);
    case 16:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15]);
    case 17:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16]);
    case 18:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17]);
    case 19:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18]);
    case 20:
      return f(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9], b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15], b[s + 16], b[s + 17], b[s + 18], b[s + 19]);
  }
  return latin1Slice ? latin1Slice.call(b, s, e) : f.apply(null, b.subarray(s, e) as unknown as number[]);
}

/** Texts up to this many bytes are decoded in one pass (cells are short); longer ones by the decoder. */
const SHORT_TEXT = 4096;
/** Non-ASCII texts up to this many bytes are looked up in the tokenizer's cache of recent texts. */
const CACHED_TEXT = 96;
const TEXT_CACHE_SLOTS = 4096;

/** The string of units[0..n): short ones by direct calls, the fastest way V8 makes a string. */
function fromUnits(u: Uint16Array, n: number): string {
  const f = String.fromCharCode;
  switch (n) {
    case 0:
      return '';
    case 1:
      return f(u[0]);
    case 2:
      return f(u[0], u[1]);
    case 3:
      return f(u[0], u[1], u[2]);
    case 4:
      return f(u[0], u[1], u[2], u[3]);
    case 5:
      return f(u[0], u[1], u[2], u[3], u[4]);
    case 6:
      return f(u[0], u[1], u[2], u[3], u[4], u[5]);
  }
  return f.apply(null, u.subarray(0, n) as unknown as number[]);
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** An ASCII text as the bytes to look for. */
export const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** What matchAt found: the sequence, something else, or the end of the buffer before it could tell. */
export const MATCH = 0;
export const DIFFERENT = 1;
export const SHORT = 2;

export function matchAt(buf: Uint8Array, at: number, seq: Uint8Array): number {
  for (let k = 0; k < seq.length; k++) {
    if (at + k >= buf.length) return SHORT;
    if (buf[at + k] !== seq[k]) return DIFFERENT;
  }
  return MATCH;
}

export function skipSpace(buf: Uint8Array, i: number, len: number): number {
  while (i < len && isSpace(buf[i])) i++;
  return i;
}

const T_OPEN = bytes('<t');
const T_END = bytes('</t>');

/**
 * A plain `<t>…</t>` (or `<t xml:space="preserve">…</t>`) at buf[i], as element readers take it
 * in one pass: MATCH with its text in buf[at[0]..at[1]) and the position after it in at[2]; else
 * DIFFERENT (anything else: leave it to the tag-by-tag reading) or SHORT (the buffer ends first).
 */
export function textElementAt(buf: Uint8Array, i: number, at: Int32Array): number {
  const len = buf.length;
  const m = matchAt(buf, i, T_OPEN);
  if (m !== MATCH) return m;
  let gt = i + T_OPEN.length;
  if (gt >= len) return SHORT;
  if (buf[gt] !== GT) {
    if (buf[gt] !== SP) return DIFFERENT;
    while (gt < len && buf[gt] !== GT && buf[gt] !== LT && buf[gt] !== SLASH) gt++;
    if (gt >= len) return SHORT;
    if (buf[gt] !== GT) return DIFFERENT;
  }
  const textS = gt + 1;
  let textE = textS;
  while (textE < len && buf[textE] !== LT) textE++;
  const e = matchAt(buf, textE, T_END);
  if (e !== MATCH) return e;
  at[0] = textS;
  at[1] = textE;
  at[2] = textE + T_END.length;
  return MATCH;
}
const PI_END = bytes('?>');
const COMMENT_END = bytes('-->');
const CDATA = bytes('[CDATA[');
const CDATA_END = bytes(']]>');
const DOCTYPE = bytes('DOCTYPE');

/** The first `b` in buf[from..to), or `to`. */
function find(buf: Uint8Array, b: number, from: number, to: number): number {
  let i = from;
  while (i < to && buf[i] !== b) i++;
  return i;
}

function indexOfSeq(buf: Uint8Array, seq: Uint8Array, from: number): number {
  for (let i = buf.indexOf(seq[0], from); i >= 0; i = buf.indexOf(seq[0], i + 1)) {
    if (i + seq.length > buf.length) return -1;
    if (matchAt(buf, i, seq) === MATCH) return i;
  }
  return -1;
}

/**
 * Turns a part's bytes into UTF-8 as they come: a UTF-8 byte-order mark is dropped, UTF-16 (by
 * its mark, as XML requires) is transcoded. Returns the function to push chunks through.
 */
export function utf8Stream(sink: (chunk: Uint8Array) => void): { push(chunk: Uint8Array): void; end(): void } {
  let mode: 'start' | 'utf8' | 'utf16le' | 'utf16be' = 'start';
  let head: Uint8Array | null = null;
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  const encoder = new TextEncoder();
  const feed = (chunk: Uint8Array) => {
    if (mode === 'utf8') sink(chunk);
    else if (chunk.length) sink(encoder.encode(decoder!.decode(chunk, { stream: true })));
  };
  return {
    push(chunk) {
      if (mode === 'start') {
        const c: Uint8Array = head ? concat(head, chunk) : chunk;
        if (c.length < 3) {
          head = c;
          return;
        }
        head = null;
        if (c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) (mode = 'utf8'), (chunk = c.subarray(3));
        else if (c[0] === 0xff && c[1] === 0xfe) (mode = 'utf16le'), (chunk = c.subarray(2));
        else if (c[0] === 0xfe && c[1] === 0xff) (mode = 'utf16be'), (chunk = c.subarray(2));
        else (mode = 'utf8'), (chunk = c);
        if (mode !== 'utf8') decoder = new TextDecoder(mode === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true });
      }
      feed(chunk);
    },
    end() {
      if (mode === 'start' && head) {
        mode = 'utf8';
        sink(head);
      }
      if (decoder) {
        const rest = decoder.decode();
        if (rest) sink(encoder.encode(rest));
      }
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

/** A whole part's text, for the small parts read with saxes: UTF-8 or UTF-16 by its mark. */
export function partText(bytes: Uint8Array, part: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new XmlError(`${part}: text that is not UTF-8 or UTF-16`);
  }
}
