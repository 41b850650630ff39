import fc from 'fast-check';
import { IdTable } from '../../../../src/core/kinds/aid/id-table';

/** IDs as the reader gives them (17 digits and a digit or X), and a few of other forms. */
const digit = fc.constantFrom(...'0123456789'.split(''));
const id18 = fc.tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789X'.split(''))).map(([d, last]) => d.join('') + last);
const odd = fc.oneof(fc.string({ maxLength: 20 }), id18.map((s) => s.slice(0, 17) + 'x'), id18.map((s) => '-' + s.slice(1)));

describe('IdTable', () => {
  it('gives back the first value stored for an ID, as a Map of the ID strings would', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: id18 }, { weight: 1, arbitrary: odd }), { maxLength: 300 }), fc.integer({ min: 0, max: 9 }), (ids, repeatEvery) => {
        // Repeat some IDs so that lookups of IDs already seen are exercised, in growing tables too.
        const all = ids.flatMap((s, i) => (repeatEvery > 0 && i % repeatEvery === 0 ? [s, s] : [s]));
        const table = new IdTable();
        const reference = new Map<string, number>();
        all.forEach((s, i) => {
          const expected = reference.has(s) ? reference.get(s)! : -1;
          if (!reference.has(s)) reference.set(s, i);
          expect(table.firstOrAdd(s, i)).toBe(expected);
        });
      }),
    );
  });

  it('keeps every ID while it grows past its first room', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id18, { minLength: 2000, maxLength: 3000 }), (ids) => {
        const table = new IdTable();
        // Room made ahead for some of them, as the duplicate check does per sheet.
        table.reserve(ids.length >> 1);
        ids.forEach((s, i) => expect(table.firstOrAdd(s, i)).toBe(-1));
        ids.forEach((s, i) => expect(table.firstOrAdd(s, -5)).toBe(i));
      }),
      { numRuns: 5 },
    );
  });

  it('gives back large values whole (rows packed with the index of their sheet)', () => {
    const table = new IdTable();
    const big = 5000 * 2 ** 21 + 1_048_576;
    expect(table.firstOrAdd('371502195001010011', big)).toBe(-1);
    expect(table.firstOrAdd('371502195001010011', 0)).toBe(big);
    expect(table.firstOrAdd('371502195001010029', 2 ** 52 - 1)).toBe(-1);
    expect(table.firstOrAdd('371502195001010029', 0)).toBe(2 ** 52 - 1);
  });

  it('tells apart IDs that differ only in the check character, X among them', () => {
    const table = new IdTable();
    expect(table.firstOrAdd('37150219500101001X', 1)).toBe(-1);
    expect(table.firstOrAdd('371502195001010010', 2)).toBe(-1);
    expect(table.firstOrAdd('37150219500101001X', 3)).toBe(1);
    expect(table.firstOrAdd('371502195001010010', 4)).toBe(2);
  });
});
