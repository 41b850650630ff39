import { compact } from './read/text';
import { MoneyUnit } from './read/number';
import type { ColumnDef } from './kind';

/**
 * A column key of any kind. Kept a plain string here (each kind's own key type is in its
 * columns.ts), so the generic engine does not depend on any kind's types.
 */
export type ColumnKey = string;

type Columns = Readonly<Record<string, ColumnDef>>;

export interface HeaderMatch {
  key: ColumnKey;
  /** A money unit named in the header's brackets: 金额（万元）. */
  unit?: MoneyUnit;
  /** A column number written in the header: 合计(1) or （2）慰问金, for declared equations. */
  number?: number;
}

/** Normalised header text and what its brackets said. */
export function normaliseHeader(raw: string): { text: string; unit?: MoneyUnit; number?: number } {
  let s = compact(raw).toLowerCase();
  let unit: MoneyUnit | undefined;
  let number: number | undefined;
  s = s.replace(/[(\[【]([^)\]】]*)[)\]】]/g, (_all, inner: string) => {
    if (inner === '万元') unit = '万元';
    else if (inner === '元') unit = '元';
    else if (/^\d{1,2}$/.test(inner)) number = Number(inner);
    else if (/^(分|人|户|个|年月日|日期)$/.test(inner)) {
      /* a unit that does not change the key */
    } else return `(${inner})`;
    return '';
  });
  if (!unit && s.endsWith('万元')) unit = '万元';
  s = s.replace(/[:：]$/, '');
  const out: { text: string; unit?: MoneyUnit; number?: number } = { text: s };
  if (unit) out.unit = unit;
  if (number !== undefined) out.number = number;
  return out;
}

interface Dictionary {
  exact: Map<string, ColumnKey>;
  /** Longest header texts first, so 具体责任人 is tried before 责任人 in a contains-match. */
  sorted: Array<[string, ColumnKey]>;
  /**
   * For each character, the positions in `sorted` of the texts that start with it (ascending):
   * a cell text is looked for only among the header texts that start with one of its characters.
   * Detection tries every cell of a tab's first 40 rows (names, IDs, villages …) against every
   * kind: the plain walk over all header texts cost about 50 ms on a ledger of ten tabs.
   */
  byFirst: Map<string, number[]>;
  /** What each cell text seen so far matched: the same words recur on every tab and every kind's scan. */
  matched: Map<string, HeaderMatch | null>;
}

/** Built once per kind's column table. */
const DICTIONARIES = new WeakMap<Columns, Dictionary>();

function dictionary(columns: Columns): Dictionary {
  let d = DICTIONARIES.get(columns);
  if (d) return d;
  const exact = new Map<string, ColumnKey>();
  for (const [key, def] of Object.entries(columns)) for (const t of def.headers) exact.set(normaliseHeader(t).text, key as ColumnKey);
  const sorted = [...exact].filter(([t]) => /[\u4e00-\u9fff]/.test(t) && t.length >= 2).sort((a, b) => b[0].length - a[0].length);
  const byFirst = new Map<string, number[]>();
  sorted.forEach(([t], i) => {
    const list = byFirst.get(t[0]);
    if (list) list.push(i);
    else byFirst.set(t[0], [i]);
  });
  d = { exact, sorted, byFirst, matched: new Map() };
  DICTIONARIES.set(columns, d);
  return d;
}

/** Maps a header cell's text to a key of the given kind's columns, or null. */
export function matchHeader(raw: string, columns: Columns): HeaderMatch | null {
  const d = dictionary(columns);
  const known = d.matched.get(raw);
  if (known !== undefined) return known === null ? null : { ...known };
  const m = matchIn(d, raw);
  if (d.matched.size >= 20_000) d.matched.clear();
  d.matched.set(raw, m);
  return m === null ? null : { ...m };
}

function matchIn(d: Dictionary, raw: string): HeaderMatch | null {
  const { text, unit, number } = normaliseHeader(raw);
  if (text === '') return null;
  const plain = text.replace(/\(.*?\)/g, '');
  let key = d.exact.get(text) ?? d.exact.get(plain) ?? null;
  if (!key && plain.length <= 12) {
    // 户主身份证号码, 慰问金(元)小计: a known header inside a slightly longer one; the first
    // (longest) in `sorted` wins. A text it contains starts with one of its characters.
    let best = -1;
    for (let i = 0; i < plain.length; i++) {
      const list = d.byFirst.get(plain[i]);
      if (!list) continue;
      for (const j of list) {
        if (best >= 0 && j >= best) break;
        if (plain.includes(d.sorted[j][0])) {
          best = j;
          break;
        }
      }
    }
    if (best >= 0) key = d.sorted[best][1];
  }
  if (!key) return null;
  const m: HeaderMatch = { key };
  if (unit) m.unit = unit;
  if (number !== undefined) m.number = number;
  return m;
}
