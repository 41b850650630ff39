import { CellValue, isCellError } from '../../workbook';
import { compact, toHalfWidth } from '../../read/text';

/**
 * What one cell of a ballot says. Ticked grids hold a tick under one choice per item; entry
 * sheets hold the choice word or its code (A–D, 1–4; A and 1 the best).
 */

/** Marks an evaluator or a clerk uses for "this one": ticks, circles, 1, v. */
const TICKS = new Set(['√', '✓', '✔', '☑', '✅', '○', '〇', '◯', '●', '1', 'v', 'V', '✔️', '☑️', '✓️']);

export type TickReading = 'blank' | 'tick' | 'invalid';

/**
 * A cell under one choice of a ticked grid. The choice's own word typed in its own column is a
 * tick; 0 and FALSE (a 1/0 grid, a checkbox's linked cell) read as not ticked; anything else
 * (×, ?, 2, another choice's word) is not a mark this column can hold.
 */
export function readTick(v: CellValue | undefined, choice: string): TickReading {
  if (v === null || v === undefined) return 'blank';
  if (typeof v === 'boolean') return v ? 'tick' : 'blank';
  if (typeof v === 'number') return v === 1 ? 'tick' : v === 0 ? 'blank' : 'invalid';
  if (v instanceof Date || isCellError(v)) return 'invalid';
  // Fast path: the tick exactly as typed (the usual cell of a 100-ballot sheet).
  if (TICKS.has(v) || v === choice) return 'tick';
  const t = compact(v);
  if (t === '') return 'blank';
  if (TICKS.has(t) || t === compact(choice)) return 'tick';
  if (t === '0' || t.toUpperCase() === 'FALSE') return 'blank';
  if (t.toUpperCase() === 'TRUE') return 'tick';
  return 'invalid';
}

/** Whether a text is a tick mark (not a number): such a cell makes a grid a ballot, never a tally. */
export function isTickSymbol(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  const t = TICKS.has(v) ? v : compact(v);
  return t !== '1' && TICKS.has(t);
}

export type EntryReading =
  | { kind: 'blank' }
  | { kind: 'choice'; choice: number }
  | { kind: 'multiple'; choices: number[] }
  | { kind: 'invalid' };

const LETTERS = 'ABCDEFGHIJ';

/** One token: a choice word, a letter code or a number code, as the choice's index; -1 when none. */
function tokenChoice(token: string, choices: readonly string[]): number {
  const word = choices.findIndex((c) => compact(c) === token);
  if (word >= 0) return word;
  if (token.length === 1) {
    const letter = LETTERS.indexOf(token.toUpperCase());
    if (letter >= 0) return letter < choices.length ? letter : -1;
  }
  if (/^\d+(\.0+)?$/.test(token)) {
    const n = Number(token);
    return n >= 1 && n <= choices.length ? n - 1 : -1;
  }
  return -1;
}

const SEPARATORS = /[、，,/;；|+和及\s\u00a0]+/;

/**
 * A cell of an entry sheet (录入表): the choice word, A–D or 1–4 (as many as the set has).
 * Two choices in one cell (好、较好 / A,B / AB) are two marks; anything else is invalid.
 */
export function readEntry(v: CellValue | undefined, choices: readonly string[]): EntryReading {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { kind: 'invalid' };
    const i = tokenChoice(String(v), choices);
    return i >= 0 ? { kind: 'choice', choice: i } : { kind: 'invalid' };
  }
  if (typeof v !== 'string') return { kind: 'invalid' };
  const t = compact(v);
  if (t === '') return { kind: 'blank' };
  const one = tokenChoice(t, choices);
  if (one >= 0) return { kind: 'choice', choice: one };
  let parts = toHalfWidth(v).split(SEPARATORS).map(compact).filter((p) => p !== '');
  // AB, BC: letters run together, each a code of the set.
  if (parts.length === 1 && /^[A-Za-z]{2,}$/.test(t)) parts = [...t];
  if (parts.length < 2) return { kind: 'invalid' };
  const found = parts.map((p) => tokenChoice(p, choices));
  if (found.some((i) => i < 0)) return { kind: 'invalid' };
  const distinct = [...new Set(found)].sort((a, b) => a - b);
  return distinct.length === 1 ? { kind: 'choice', choice: distinct[0] } : { kind: 'multiple', choices: distinct };
}

/** How the codes of a set read, for messages: A–D、1–4. */
export function codesText(choices: readonly string[]): string {
  const n = choices.length;
  return `${LETTERS[0]}–${LETTERS[n - 1]}、1–${n}`;
}
