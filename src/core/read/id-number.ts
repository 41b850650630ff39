import { CellValue, isCellError } from '../workbook';
import { dayFromYmd, DayNumber } from './date';
import { compact } from './text';

/** GB 11643-1999: weights of the first 17 characters, and the check character for sum mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** A 15-digit number as its 18-digit form: 19 inserted before the year, check character added. */
export function upgradeLegacy(id15: string): string {
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + checkCharacter(first17);
}

export type IdRead =
  | { kind: 'empty' }
  /** Typed as a number: Excel kept 15 significant digits and the rest became zeros. */
  | { kind: 'scientific'; text: string }
  | { kind: 'malformed'; text: string; problem: 'length' | 'characters' }
  | {
      kind: 'id';
      text: string;
      /** The 18-character form used to compare households (a legacy number upgraded). */
      id18: string;
      legacy: boolean;
      region: string;
      /** Null when characters 7–14 are no date of 1850 or later (their text: birthDigits). */
      birth: DayNumber | null;
      /** Null when the check character is right (legacy numbers have none). */
      expectedCheck: string | null;
    };

/**
 * The birth date's digits YYYYMMDD as the number shows them (a legacy number's with 19 before
 * the year). Made only for a finding that names the date: most IDs are sound, and a string per
 * household (or per date, in a table of some 166,000 slots) was made on the first tab for nothing.
 */
export function birthDigits(id: Extract<IdRead, { kind: 'id' }>): string {
  return id.id18.slice(6, 14);
}

/** Reads what a clerk put in the ID column. Never throws. */
export function readIdNumber(v: CellValue | undefined): IdRead {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'malformed', text: String(v), problem: 'characters' };
    const digits = Number.isInteger(v) && v < 1e16 ? v.toFixed(0) : '';
    // Above 2^53 the number cannot hold 18 digits: the last ones are gone.
    if (digits.length === 15) return readIdText(digits, digits);
    if (v >= 1e16) return { kind: 'scientific', text: v.toExponential(5).toUpperCase().replace('E+', 'E+') };
    return readIdText(digits || String(v), String(v));
  }
  if (typeof v !== 'string') return { kind: 'malformed', text: isCellError(v) ? v.error : String(v), problem: 'characters' };
  // The common case, 18 plain digits (or a final x): nothing to clean up, and the characters are
  // looked at once, by readId18 (the first tab reads its 10,000 IDs before the code is optimised:
  // a separate digits test, twice, had tripled that cold work).
  if (v.length === 18) {
    const last = v.charCodeAt(17);
    if ((last >= 48 && last <= 57) || last === 88) {
      const id = readId18(v, v);
      if (id !== null) return id;
    } else if (last === 120 && plainDigits(v, 17)) return readIdText(v.slice(0, 17) + 'X', v);
  }
  const s = compact(v).replace(/^'/, '').toUpperCase();
  if (s === '') return { kind: 'empty' };
  if (/^\d(\.\d+)?E\+?\d+$/.test(s)) return { kind: 'scientific', text: s };
  return readIdText(s, v.trim());
}

function readIdText(s: string, original: string): IdRead {
  if (s.length !== 18 && s.length !== 15) return { kind: 'malformed', text: original, problem: 'length' };
  if (s.length === 15) {
    if (!plainDigits(s, 15)) return { kind: 'malformed', text: original, problem: 'characters' };
    let yymmdd = 0;
    for (let i = 6; i < 12; i++) yymmdd = yymmdd * 10 + s.charCodeAt(i) - 48;
    return { kind: 'id', text: s, id18: upgradeLegacy(s), legacy: true, region: s.slice(0, 6), birth: birthDay(19_000_000 + yymmdd), expectedCheck: null };
  }
  const last = s.charCodeAt(17);
  const id = (last >= 48 && last <= 57) || last === 88 ? readId18(s, original) : null;
  return id ?? { kind: 'malformed', text: original, problem: 'characters' };
}

/**
 * 18 characters whose last is a digit or X: null when one of the first 17 is no ASCII digit.
 * One pass over them: the digits test, the check sum, and the region and birth date as the
 * numbers their tables are keyed by. No slice is made, and a birth date is read once per table
 * entry (this function runs on every household).
 */
function readId18(s: string, original: string): IdRead | null {
  let sum = 0;
  let region = 0;
  let birth = 0;
  for (let i = 0; i < 6; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return null;
    sum += d * WEIGHTS[i];
    region = region * 10 + d;
  }
  for (let i = 6; i < 14; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return null;
    sum += d * WEIGHTS[i];
    birth = birth * 10 + d;
  }
  for (let i = 14; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return null;
    sum += d * WEIGHTS[i];
  }
  const expected = CHECK.charCodeAt(sum % 11);
  // 15 significant digits survive a number; 18 digits ending in 000 that fail the check were one.
  if (expected !== 48 && s.charCodeAt(15) === 48 && s.charCodeAt(16) === 48 && s.charCodeAt(17) === 48) return { kind: 'scientific', text: original };
  return { kind: 'id', text: s, id18: s, legacy: false, region: regionOf(region, s), birth: birthDay(birth), expectedCheck: expected === s.charCodeAt(17) ? null : CHECK[sum % 11] };
}

/**
 * Birth dates of the years 1850–2199 read once each, kept by (year − 1850) · 416 + month · 32 +
 * day: a county's households share some thousands of dates, and a Map read of them per household
 * cost about 7 ms on 100,000 (the Map's table misses the cache; the day codes of the years people
 * are born in fit it). Per slot: 0 not read yet, NO_BIRTH_DAY for digits that are no date, else
 * day + BIRTH_DAY_OFFSET. Other digits are read each time (they are no date, or no year of ours).
 */
const FIRST_YEAR = 1850;
const BIRTH_SLOTS = (2200 - FIRST_YEAR) * 416;
let birthCodes: Int32Array | null = null;
const NO_BIRTH_DAY = 1;
/** Above −(days from 1970 back to 1850), so every stored code is at least 2. */
const BIRTH_DAY_OFFSET = 100_000;

/** The day of birth digits YYYYMMDD given as their value; null for a year before 1850 or no such date. */
function birthDay(yyyymmdd: number): DayNumber | null {
  const y = Math.floor(yyyymmdd / 10_000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  if (y < FIRST_YEAR) return null;
  if (y >= 2200 || m > 12 || d > 31) return dayFromYmd(y, m, d);
  const slot = (y - FIRST_YEAR) * 416 + m * 32 + d;
  const codes = birthCodes ?? (birthCodes = new Int32Array(BIRTH_SLOTS));
  let code = codes[slot];
  if (code === 0) {
    const day = dayFromYmd(y, m, d);
    codes[slot] = code = day === null ? NO_BIRTH_DAY : day + BIRTH_DAY_OFFSET;
  }
  return code === NO_BIRTH_DAY ? null : code - BIRTH_DAY_OFFSET;
}

/**
 * One string per region code: a county's 100,000 IDs share a few, and each row keeps one.
 * Looked up by the digits' value, so one already made costs no new string.
 */
const REGIONS = new Map<number, string>();
const POOL_LIMIT = 50_000;

/** The region code asked last and its string: a county's IDs share it, row after row. */
let lastRegionKey = -1;
let lastRegion = '';

/** The pooled string of digits[0..6), whose value is `key`. */
function regionOf(key: number, digits: string): string {
  if (key !== lastRegionKey) {
    let known = REGIONS.get(key);
    if (known === undefined) {
      if (REGIONS.size >= POOL_LIMIT) REGIONS.clear();
      known = digits.slice(0, 6);
      REGIONS.set(key, known);
    }
    lastRegion = known;
    lastRegionKey = key;
  }
  return lastRegion;
}

/** Whether the first `n` characters of s are ASCII digits. */
function plainDigits(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** First 6 and last 4 characters visible: 110105********002X. */
export function maskId(text: string): string {
  if (text.length <= 10) return text.length <= 4 ? text : text.slice(0, 2) + '*'.repeat(text.length - 2);
  return text.slice(0, 6) + '*'.repeat(text.length - 10) + text.slice(-4);
}
