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
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Half-width, no white space at all (line breaks inside header cells included). */
const SPACE = /[\s\u00a0\u200b]/;
export function compact(s: string): string {
  const h = toHalfWidth(s);
  return SPACE.test(h) ? h.replace(/[\s\u00a0\u200b]+/g, '') : h;
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

/** Split a list of units or people: 、，,/；; and line breaks. */
export function splitList(s: string): string[] {
  return s
    .split(/[、，,/／;；\n\r]+|\s{2,}/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
