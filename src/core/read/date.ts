import { CellValue, isCellError } from '../workbook';
import { compact, memoize } from './text';

/**
 * Dates are whole days since 1970-01-01 (UTC), so comparing and subtracting them is plain
 * integer arithmetic and no time zone can shift a deadline by a day.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/** The day for a calendar date, or null when there is no such date (2月30日). */
export function dayFromYmd(y: number, m: number, d: number): DayNumber | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  // Days from civil (proleptic Gregorian), in integers: no Date object per ID number or cell.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

export function lastDayOfMonth(y: number, m: number): DayNumber | null {
  if (m < 1 || m > 12) return null;
  return dayFromYmd(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

export function dayToIso(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromIso(iso: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayFromYmd(+m[1], +m[2], +m[3]) : null;
}

export function dayFromDate(d: Date): DayNumber | null {
  const t = d.getTime();
  if (isNaN(t)) return null;
  // Hosts hand us UTC midnight; a local-midnight Date from elsewhere still lands on its day.
  return Math.floor((t + 12 * 3_600_000) / MS_PER_DAY);
}

/**
 * Excel's 1900 system counts 1900-02-29, a day that never was (Lotus's bug, kept for
 * compatibility): serials from 61 on are one day later than a plain count from 1899-12-31.
 */
export function dayFromExcelSerial(serial: number, date1904 = false): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) return whole + dayFromYmd(1904, 1, 1)!;
  if (whole < 1 || whole === 60) return null;
  const base = dayFromYmd(1899, 12, 31)!;
  return base + (whole < 60 ? whole : whole - 1);
}

export function excelSerialFromDay(day: DayNumber): number {
  const base = dayFromYmd(1899, 12, 31)!;
  const n = day - base;
  return n < 60 ? n : n + 1;
}

/** Serial numbers that plausibly are dates a clerk typed (1980 .. 2100). */
const SERIAL_MIN = 29221; // 1980-01-01
const SERIAL_MAX = 73051; // 2100-01-01

export type DateRead =
  | { kind: 'date'; day: DayNumber; approximate?: boolean }
  | { kind: 'ongoing' }
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string };

export const ONGOING_WORDS = ['长期坚持', '长期', '常态化', '持续推进', '持续', '经常性', '全年', '每年', '每半年', '每季度', '每月', '每周', '每日', '每天', '定期', '常年', '随时', '即时', '立即', '即日起', '按上级要求', '按上级规定', '与上级同步', '按上级'];

/**
 * Reads a deadline or visit date in any form seen in the ledgers: Excel dates, serial numbers,
 * 2017年6月30日, 2017.6.30, 2017/6/30, 2017-06-30, 20170630, 2017年6月 (end of month),
 * 6月底 / 6月30日 / 年底 (with a reference year), and ongoing words (长期, 常态化, 持续).
 * Never throws.
 */
export function readDate(v: CellValue | undefined, refYear?: number): DateRead {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (v instanceof Date) {
    const d = dayFromDate(v);
    return d === null ? { kind: 'invalid', text: '' } : { kind: 'date', day: d };
  }
  if (typeof v === 'number') {
    if (v >= SERIAL_MIN && v < SERIAL_MAX) {
      const d = dayFromExcelSerial(v);
      if (d !== null) return { kind: 'date', day: d };
    }
    const asText = readDateText(String(v), refYear, true);
    return asText.kind === 'date' ? asText : { kind: 'invalid', text: String(v) };
  }
  if (typeof v === 'boolean' || isCellError(v)) return { kind: 'invalid', text: String(isCellError(v) ? v.error : v) };
  return readDateText(v, refYear);
}

function readDateText(raw: string, refYear?: number, fromNumber = false): DateRead {
  const s = compact(raw).replace(/(之前|以前|前完成|底前完成|完成|为止|前|止)$/, (w) => (w.startsWith('底') ? '底' : '')).replace(/^(截至|截止|于)/, '');
  if (s === '') return { kind: 'empty' };
  // 2017年6月—12月, 6月至9月: a span is due at its end (in the start's year when the end has none).
  const span = /^(.+?)(?:至|到|—+|–|~|～)(.+)$/.exec(s);
  if (span && /\d/.test(span[1]) && /\d/.test(span[2])) {
    const startYear = /^(\d{4})/.exec(span[1]);
    return readDateText(span[2], startYear ? Number(startYear[1]) : refYear, fromNumber);
  }
  // 2017年7月1日-12月31日, 2017年7月-12月, 2017.7-2017.12: '-' also separates a date's parts, so
  // only a start that is a whole year-and-month (or date) makes a span.
  const dashSpan = /^(\d{4}[年.]\d{1,2}(?:月(?:\d{1,2}[日号])?)?)[-－](.+)$/.exec(s);
  if (dashSpan && /\d/.test(dashSpan[2])) return readDateText(dashSpan[2], Number(dashSpan[1].slice(0, 4)), fromNumber);
  for (const w of ONGOING_WORDS) if (s.startsWith(w)) return { kind: 'ongoing' };
  let m: RegExpExecArray | null;
  // 2017年6月30日 / 2017.6.30 / 2017/6/30 / 2017-06-30 (optionally followed by a time)
  if ((m = /^(\d{4})[年.\/-](\d{1,2})[月.\/-](\d{1,2})[日号]?(?:\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s))) {
    return dateOrInvalid(dayFromYmd(+m[1], +m[2], +m[3]), raw);
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return dateOrInvalid(dayFromYmd(+m[1], +m[2], +m[3]), raw);
  // 2017年6月 / 2017年6月底 / 2017.6 → the month's last day
  if ((m = /^(\d{4})[年.\/-](\d{1,2})月?(底|末|份)?$/.exec(s))) return dateOrInvalid(lastDayOfMonth(+m[1], +m[2]), raw, true);
  // 2017年底 / 2017年
  if ((m = /^(\d{4})年度?(底|末|内)?$/.exec(s))) return dateOrInvalid(dayFromYmd(+m[1], 12, 31), raw, true);
  // 2017年下半年, 2017年11月上旬, 2017年第三季度, 2017年内: a period of a stated year.
  // Whatever the full forms above did not take is read as a year-less form in the stated year.
  if ((m = /^(\d{4})年(.+)$/.exec(s))) {
    const inYear = readDateText(m[2], Number(m[1]), fromNumber);
    if (inYear.kind === 'date') return inYear;
  }
  if (refYear !== undefined) {
    if ((m = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(s))) return dateOrInvalid(dayFromYmd(refYear, +m[1], +m[2]), raw);
    // 6-12月: due at the end of the span's last month
    if ((m = /^\d{1,2}[-－](\d{1,2})月(底|末)?$/.exec(s))) return dateOrInvalid(lastDayOfMonth(refYear, +m[1]), raw, true);
    if ((m = /^(\d{1,2})月(上旬|中旬|下旬)$/.exec(s))) return dateOrInvalid(tenDays(refYear, +m[1], m[2]), raw, true);
    if ((m = /^第?([一二三四1-4])季度(末|底)?$/.exec(s))) return dateOrInvalid(lastDayOfMonth(refYear, 3 * quarter(m[1])), raw, true);
    if (/^(下半年|下半年内)$/.test(s)) return dateOrInvalid(dayFromYmd(refYear, 12, 31), raw, true);
    // 1.13 or 1/13 typed as text (a number 1.1 may have been 1.10: only text is read so)
    if (!fromNumber && (m = /^(\d{1,2})[.\/](\d{1,2})$/.exec(s))) return dateOrInvalid(dayFromYmd(refYear, +m[1], +m[2]), raw);
    if ((m = /^(\d{1,2})月(底|末|份)?$/.exec(s))) return dateOrInvalid(lastDayOfMonth(refYear, +m[1]), raw, true);
    if (/^(年底|年末|年内|本年底)$/.test(s)) return dateOrInvalid(dayFromYmd(refYear, 12, 31), raw, true);
    if (/^(上半年|年中)$/.test(s)) return dateOrInvalid(dayFromYmd(refYear, 6, 30), raw, true);
  }
  return { kind: 'invalid', text: raw };
}

/** 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month. */
function tenDays(y: number, m: number, part: string): DayNumber | null {
  return part === '上旬' ? dayFromYmd(y, m, 10) : part === '中旬' ? dayFromYmd(y, m, 20) : lastDayOfMonth(y, m);
}

function quarter(q: string): number {
  return '一二三四'.includes(q) ? '一二三四'.indexOf(q) + 1 : Number(q);
}

function dateOrInvalid(day: DayNumber | null, raw: string, approximate = false): DateRead {
  if (day === null) return { kind: 'invalid', text: raw };
  return approximate ? { kind: 'date', day, approximate } : { kind: 'date', day };
}

const textCaches = new Map<number | undefined, (s: string) => DateRead>();

/** One reading per exact day, shared by the rows that hold that date (readings are never changed). */
const byDay = new Map<DayNumber, DateRead>();
function sharedDay(r: DateRead): DateRead {
  if (r.kind !== 'date' || r.approximate) return r;
  const shared = byDay.get(r.day);
  if (shared) return shared;
  if (byDay.size >= 20_000) byDay.clear();
  byDay.set(r.day, r);
  return r;
}

/**
 * readDate for cells of a big ledger: deadlines and visit dates typed as text repeat row after
 * row, so each distinct text is read once per reference year.
 */
export function readDateCached(v: CellValue | undefined, refYear?: number): DateRead {
  // A date cell of a day already read: its shared reading, with no new one made to be dropped.
  if (v instanceof Date) {
    const day = dayFromDate(v);
    const shared = day === null ? undefined : byDay.get(day);
    if (shared !== undefined) return shared;
  }
  if (typeof v !== 'string') return sharedDay(readDate(v, refYear));
  let read = textCaches.get(refYear);
  if (!read) textCaches.set(refYear, (read = memoize((s) => readDate(s, refYear))));
  return read(v);
}
