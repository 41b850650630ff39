import { CellValue, isCellError } from '../workbook';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const fold = (ch: string) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Full-width ASCII (！ to ～) and the ideographic space become their half-width forms. */
export function toHalfWidth(s: string): string {
  FULL_WIDTH.lastIndex = 0;
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH, fold) : s;
}

/** The text a person sees in the cell, trimmed; '' for empty. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return untrimmed(v) ? v : v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

/**
 * Whether a text surely has no white space to trim: empty, or its first and last characters are
 * printable ASCII or at least CJK (above U+3000, not U+FEFF). Most cells are; trim() is left to
 * the rest. (cellText runs on five or more cells of every household: about 5 ms on 100,000.)
 */
function untrimmed(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return ((a > 0x20 && a < 0x7f) || (a > 0x3000 && a !== 0xfeff)) && ((b > 0x20 && b < 0x7f) || (b > 0x3000 && b !== 0xfeff));
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Half-width, no white space at all (line breaks inside header cells included). */
const SPACE = /[\s\u00a0\u200b]/;
export function compact(s: string): string {
  // Most texts (低保, 371502…, 东村) have nothing to fold or remove: one pass over their
  // characters instead of two regular expressions (compact runs on every row's type, label …).
  if (plainText(s)) return s;
  const h = toHalfWidth(s);
  return SPACE.test(h) ? h.replace(/[\s\u00a0\u200b]+/g, '') : h;
}

/**
 * Whether compact(s) is s: no full-width form, no white space. Conservative: a character that
 * might be either (any control character, the Unicode spaces) sends the text the long way.
 */
function plainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return false;
  }
  return true;
}

/** A comparison key: compact, lower case, without punctuation that clerks type inconsistently. */
const PUNCTUATION = /[、，,。.;；:：·'"“”‘’()（）【】\[\]《》<>\-—_/\\|]/g;
export function textKey(s: string): string {
  return compact(s).toLowerCase().replace(PUNCTUATION, '');
}

/**
 * Remembers a pure function of a string. Ledgers repeat the same few statuses, deadlines and
 * unit names on every row; reading each distinct text once keeps 100,000 rows fast.
 */
export function memoize<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    return v as T;
  };
}

/** Characters from..to-1 of `s` (all inside it) as a whole number, or -1 when one is not an ASCII digit. */
export function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Split a list of units or people: 、，,/；; and line breaks. */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,/／;；\n\r]+|\s{2,}/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
