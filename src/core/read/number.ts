import { CellValue, isCellError } from '../workbook';
import { toHalfWidth } from './text';

export type MoneyUnit = '元' | '万元';

export type NumberRead =
  | { ok: true; value: number; unit?: MoneyUnit }
  | { ok: false; reason: 'empty' | 'text' | 'error' };

// Shared results: most cells of a big ledger are empty or text, and need no new object.
const EMPTY: NumberRead = Object.freeze({ ok: false, reason: 'empty' });
const TEXT: NumberRead = Object.freeze({ ok: false, reason: 'text' });
const ERROR: NumberRead = Object.freeze({ ok: false, reason: 'error' });

/** No amount, score or head count comes near this; larger values are damage, not data. */
const LARGEST = 1e15;

/** — / 无 in a money or count cell: nothing there, as SUM and the clerk read it. */
const NONE_MARK = /^([-—–－/／\\]+|无|空|暂无)$/;

const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a number as clerks type it: 1,234.5 / １２３４ / ¥300 / 300元 / 0.05万元 / ' 12 '.
 * Never throws; anything else is reported as text.
 */
export function readNumber(v: CellValue | undefined): NumberRead {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Math.abs(v) < LARGEST ? { ok: true, value: v } : Number.isFinite(v) ? TEXT : ERROR;
  if (typeof v === 'boolean' || v instanceof Date) return TEXT;
  if (isCellError(v)) return ERROR;
  let s = toHalfWidth(String(v)).trim();
  if (s === '' || NONE_MARK.test(s)) return EMPTY;
  let unit: MoneyUnit | undefined;
  s = s.replace(/^[¥￥]/, '').replace(/^RMB/i, '');
  if (s.endsWith('万元')) {
    unit = '万元';
    s = s.slice(0, -2);
  } else if (s.endsWith('万')) {
    unit = '万元';
    s = s.slice(0, -1);
  } else if (s.endsWith('元')) {
    unit = '元';
    s = s.slice(0, -1);
  } else if (/[分人户口个]$/.test(s)) {
    // 5分, 3人, 2户: a score or a count with its measure word
    s = s.slice(0, -1);
  }
  s = s.replace(/[\s,]/g, '');
  if (!NUMBER_RE.test(s)) return TEXT;
  const n = Number(s);
  if (!(Math.abs(n) < LARGEST)) return TEXT;
  return unit ? { ok: true, value: n, unit } : { ok: true, value: n };
}

/** Money rounded to the fen, so sums of many rows compare without float noise. */
export function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}
