import { ColumnKey, matchHeader } from './columns';
import type { ColumnDef } from './kind';
import { toHalfWidth } from './read/text';

/** A term of a declared equation: a numbered column (2) or a column key / header text. */
export type Term = { sign: 1 | -1; ref: { number: number } | { key: ColumnKey } };
export interface Equation {
  text: string;
  left: Term[];
  right: Term[];
}

/**
 * Parses "(1)=(2)+(5)", "（2）=（3）+（4）", "total = cash + goodsValue" or "合计=慰问金+慰问品折款".
 * Column names are a kind's keys or its header texts. Returns an error message (Chinese /
 * English) instead of throwing.
 */
export function parseEquation(raw: string, columns: Readonly<Record<string, ColumnDef>>): Equation | { error: string } {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  const sides = text.split('=');
  if (sides.length !== 2 || sides[0] === '' || sides[1] === '') {
    return { error: `等式“${raw}”应为“左边=右边”的形式 / "${raw}" must read left=right` };
  }
  const left = parseSide(sides[0], columns);
  const right = parseSide(sides[1], columns);
  for (const side of [left, right]) if ('error' in side) return { error: `等式“${raw}”中${side.error}` };
  return { text: raw.trim(), left: left as Term[], right: right as Term[] };
}

function parseSide(s: string, columns: Readonly<Record<string, ColumnDef>>): Term[] | { error: string } {
  const terms: Term[] = [];
  const re = /([+-]?)([^+-]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(s))) {
    consumed += m[0].length;
    const sign: 1 | -1 = m[1] === '-' ? -1 : 1;
    const token = m[2];
    const num = /^\((\d{1,2})\)$/.exec(token);
    if (num) terms.push({ sign, ref: { number: Number(num[1]) } });
    else if (Object.hasOwn(columns, token)) terms.push({ sign, ref: { key: token as ColumnKey } });
    else {
      const h = matchHeader(token, columns);
      if (!h) return { error: `“${token}”不是栏号或已知列 / "${token}" is neither a column number nor a known column` };
      terms.push({ sign, ref: { key: h.key } });
    }
  }
  if (consumed !== s.length || terms.length === 0) return { error: `“${s}”无法解析 / "${s}" cannot be read` };
  return terms;
}
