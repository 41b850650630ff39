import { CellValue, isCellError, SheetInput } from '../core/workbook';

/**
 * Proof that a tab is one Ledger Check wrote. A hidden sheet-scoped name alone proves nothing:
 * Excel copies it when a user copies our tab and then types their own data into the copy. So
 * the name's value carries, besides the tab's role, a fingerprint of the tab's name and of every
 * value in it as written. A tab is ours only when both still match; any doubt keeps it as the
 * user's sheet (it is then checked as data and never replaced). The fingerprint is taken over
 * values as read back (not XML bytes), so Excel re-saving the copy does not break it.
 */
const MARK = /^([a-z]+)\|lc1:([0-9a-f]{16})$/;

export function ownedMark(role: string, sheet: SheetInput): string {
  return `"${role}|lc1:${fingerprint(sheet)}"`;
}

/** The role of a tab proved ours, or null. `mark` is the name's value without its quotes. */
export function provedRole(mark: string, sheet: SheetInput): string | null {
  const m = MARK.exec(mark);
  if (!m) return null;
  return m[2] === fingerprint(sheet) ? m[1] : null;
}

function canonical(v: CellValue): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${Number(v.toPrecision(15))}`; // Excel keeps 15 significant digits
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (v instanceof Date) return `d${v.getTime()}`;
  if (isCellError(v)) return `e${v.error}`;
  return null;
}

/** Two FNV-1a hashes (different offsets) of the name and every non-empty cell with its place. */
export function fingerprint(sheet: SheetInput): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
      b = (b ^ (b >>> 13)) >>> 0;
    }
  };
  feed(`${sheet.name}\u0000`);
  const top = sheet.origin?.row ?? 1;
  const left = sheet.origin?.col ?? 1;
  sheet.rows.forEach((row, r) => {
    row?.forEach((v, c) => {
      const text = canonical(v);
      if (text !== null) feed(`${top + r},${left + c}=${text}\u0000`);
    });
  });
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
