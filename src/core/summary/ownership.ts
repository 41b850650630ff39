import { dayFromYmd, excelSerialFromDay } from '../read/date';
import { CellValue, isCellError, SheetInput } from '../workbook';
import { bodyRows, HEADER_ROW, OutCell, OwnedRole, SheetDescription, SUBTITLE_ROW, TITLE_ROW } from './sheet';

/**
 * Proof that a tab is one Ledger Check wrote, the same for every host: the command line's files
 * and the Office add-in both put it in a hidden worksheet-scoped name (LedgerCheck_Owned), which
 * Excel and WPS keep when they save and our .xlsx reader sees. The name alone proves nothing:
 * Excel copies it when a user copies our tab and then types their own data into the copy. So its
 * value carries, besides the tab's role, a fingerprint of the tab's name and of every value in it.
 * A tab is ours only when both still match; any doubt keeps it as the user's sheet (it is then
 * checked as data and never replaced). The fingerprint is taken over values as a host reads them
 * back (not XML bytes), so Excel re-saving the file does not break it.
 */
const MARK = /^([a-z]+)\|lc1:([0-9a-f]{16})$/;

const MS_PER_DAY = 86_400_000;

/** The mark's text: `role|lc1:fingerprint` (a name's value puts it in quotes). */
export function ownershipMark(role: OwnedRole, sheet: SheetInput, date1904 = false): string {
  return `${role}|lc1:${fingerprint(sheet, date1904)}`;
}

/** The role of a tab proved ours, or null. `mark` is the name's value without its quotes. */
export function provedRole(mark: string | null | undefined, sheet: SheetInput, date1904 = false): string | null {
  const m = MARK.exec((mark ?? '').trim());
  if (!m) return null;
  return m[2] === fingerprint(sheet, date1904) ? m[1] : null;
}

/** The role a mark claims, unproved: only for telling our own half-built tabs (~LC…) of a failed run. */
export function claimedRole(mark: string | null | undefined): string | null {
  return MARK.exec((mark ?? '').trim())?.[1] ?? null;
}

/** Header texts made unique and never blank, as an Excel table requires (Excel would rename them otherwise). */
export function tableHeaders(d: SheetDescription): string[] {
  const seen = new Set<string>();
  return d.columns.map((c) => {
    let h = c.header.trim() || '列';
    for (let i = 2; seen.has(h); i++) h = `${c.header}${i}`;
    seen.add(h);
    return h;
  });
}

/** A written cell as a host reads it back: no value for "" and for what Excel cannot hold. */
function written(v: OutCell | undefined): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/**
 * The values a host leaves in a tab written from its description (title, subtitle, header, body),
 * under the name it finally takes: what the add-in fingerprints before Excel holds the tab.
 */
export function tabCells(d: SheetDescription, name: string): SheetInput {
  const rows: CellValue[][] = [];
  rows[TITLE_ROW - 1] = [written(d.title)];
  rows[SUBTITLE_ROW - 1] = [written(d.subtitle)];
  rows[HEADER_ROW - 1] = tableHeaders(d);
  for (const r of bodyRows(d)) rows.push(d.columns.map((_, j) => written(r[j])));
  return { name, rows };
}

/** XML cannot hold most control characters (the .xlsx writer drops them) and Excel keeps line ends as \n. */
function plainText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A date read from a file (the .xlsx reader's Date) as the serial number Excel holds (what Office.js gives). */
function serialOf(d: Date, date1904: boolean): number {
  const t = d.getTime();
  const day = Math.floor(t / MS_PER_DAY);
  const serial = date1904 ? day - dayFromYmd(1904, 1, 1)! : excelSerialFromDay(day);
  return serial + (t - day * MS_PER_DAY) / MS_PER_DAY;
}

function canonical(v: CellValue, date1904: boolean): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'string') {
    const s = plainText(v);
    return s === '' ? null : `s${s}`;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : `n${Number(serialOf(v, date1904).toPrecision(15))}`;
  if (typeof v === 'number') return Number.isFinite(v) ? `n${Number(v.toPrecision(15))}` : null; // Excel keeps 15 significant digits
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (isCellError(v)) return `e${v.error}`;
  return null;
}

/**
 * Two FNV-1a hashes (different offsets) of the name and every non-empty cell with its place.
 * A date counts as its serial number, so a value read from a file and from Excel agree.
 */
export function fingerprint(sheet: SheetInput, date1904 = false): string {
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
      const text = canonical(v, date1904);
      if (text !== null) feed(`${top + r},${left + c}=${text}\u0000`);
    });
  });
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
