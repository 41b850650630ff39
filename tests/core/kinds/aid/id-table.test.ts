import fc from 'fast-check';
import { IdIndex } from '../../../../src/core/kinds/aid/id-table';

/** IDs as the reader gives them (17 digits and a digit or X), and a few of other forms. */
const digit = fc.constantFrom(...'0123456789'.split(''));
const id18 = fc.tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789X'.split(''))).map(([d, last]) => d.join('') + last);
const odd = fc.oneof(fc.string({ maxLength: 20 }), id18.map((s) => s.slice(0, 17) + 'x'), id18.map((s) => '-' + s.slice(1)), id18.map((s) => s.slice(0, 17) + 'Ｘ'));

/** What a Map of the ID strings says: each ID's entries, for IDs entered twice or more, by first entry. */
function reference(ids: string[]): Array<{ id: string; entries: number[] }> {
  const byId = new Map<string, number[]>();
  ids.forEach((s, i) => {
    const list = byId.get(s);
    if (list) list.push(i);
    else byId.set(s, [i]);
  });
  return [...byId].filter(([, e]) => e.length > 1).map(([id, entries]) => ({ id, entries }));
}

function indexOf(ids: string[], value = (i: number) => i): IdIndex {
  const index = new IdIndex();
  ids.forEach((s, i) => expect(index.add(s, value(i))).toBe(i));
  return index;
}

describe('IdIndex', () => {
  it('finds every ID entered more than once, in the order first entered, as a Map of the ID strings would', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: id18 }, { weight: 1, arbitrary: odd }), { maxLength: 300 }), fc.integer({ min: 0, max: 9 }), (ids, repeatEvery) => {
        const all = ids.flatMap((s, i) => (repeatEvery > 0 && i % repeatEvery === 0 ? [s, s] : [s]));
        const index = indexOf(all);
        expect(index.repeats()).toEqual(reference(all));
        expect(index.ids()).toEqual(all);
      }),
    );
  });

  it('finds them among thousands of IDs (split into buckets), however they repeat', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id18, { minLength: 2000, maxLength: 5000 }), fc.array(fc.nat(), { maxLength: 200 }), (ids, picks) => {
        // Repeats of earlier IDs spread through the entries, some three or more times.
        const all = [...ids];
        for (const p of picks) all.splice((p * 7) % (all.length + 1), 0, ids[p % ids.length]);
        const index = new IdIndex();
        index.reserve(all.length >> 2);
        all.forEach((s, i) => index.add(s, i));
        expect(index.repeats()).toEqual(reference(all));
      }),
      { numRuns: 5 },
    );
  });

  it('finds them among tens of thousands of IDs, as the buckets’ room grows while they are added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 2, max: 97 }), (seed, every) => {
        // 40,000 IDs of one county, with a repeat of an earlier one every `every` entries.
        let x = seed;
        const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 1);
        const all: string[] = [];
        for (let i = 0; i < 40_000; i++) {
          if (i > 0 && i % every === 0) all.push(all[next() % all.length]);
          else all.push(`371502${String(next() % 10 ** 11).padStart(11, '0')}${'0123456789X'[next() % 11]}`);
        }
        const index = new IdIndex();
        // Room made for a tenth first, as for a sheet of a ten-sheet book.
        index.reserve(4_000);
        all.forEach((s, i) => index.add(s, i));
        expect(index.repeats()).toEqual(reference(all));
      }),
      { numRuns: 3 },
    );
  });

  it('groups again when entries are added after a grouping', () => {
    const index = indexOf(['371502195001010011', '371502195001010029']);
    expect(index.repeats()).toEqual([]);
    index.add('371502195001010029', 2);
    expect(index.repeats()).toEqual([{ id: '371502195001010029', entries: [1, 2] }]);
  });

  it('gives back large values whole (rows packed with the index of their sheet)', () => {
    const big = 5000 * 2 ** 21 + 1_048_576;
    const index = indexOf(['371502195001010011', '371502195001010029'], (i) => (i === 0 ? big : 2 ** 52 - 1));
    expect(index.value(0)).toBe(big);
    expect(index.value(1)).toBe(2 ** 52 - 1);
  });

  it('tells apart IDs that differ only in the check character, X among them, and keeps leading zeros', () => {
    const ids = ['37150219500101001X', '371502195001010010', '37150219500101001X', '371502195001010010', '000000000000000000', '000000000000000000'];
    expect(indexOf(ids).repeats()).toEqual([
      { id: '37150219500101001X', entries: [0, 2] },
      { id: '371502195001010010', entries: [1, 3] },
      { id: '000000000000000000', entries: [4, 5] },
    ]);
  });
});
