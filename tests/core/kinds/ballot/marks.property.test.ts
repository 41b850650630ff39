import fc from 'fast-check';
import { readEntry, readTick } from '../../../../src/core/kinds/ballot/marks';
import { chineseNumber, presentFromText } from '../../../../src/core/kinds/ballot/present';
import { GRADES, SATISFACTION } from './fixtures';

const anyCell = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.date(), fc.constant(null), fc.boolean());
const sets = fc.constantFrom(GRADES, SATISFACTION);
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('ticks under a choice (ticked grids)', () => {
  it('reads every tick an evaluator or clerk uses, with any surrounding white space', () => {
    fc.assert(
      fc.property(fc.constantFrom('√', '✓', '✔', '☑', '○', '●', '1', 'v', 'V', 1, true), fc.constantFrom('', ' ', '\u3000', '\n'), fc.constantFrom(...GRADES), (tick, pad, choice) => {
        const v = typeof tick === 'string' ? `${pad}${tick}${pad}` : tick;
        expect(readTick(v, choice)).toBe('tick');
      }),
    );
  });

  it("reads the choice's own word typed in its column as a tick, and another choice's word as invalid", () => {
    fc.assert(
      fc.property(sets, fc.nat(), fc.nat(), (set, i, j) => {
        const own = set[i % set.length];
        const other = set[j % set.length];
        expect(readTick(own, own)).toBe('tick');
        expect(readTick(other, own)).toBe(other === own ? 'tick' : 'invalid');
      }),
    );
  });

  it('takes empty cells, white space, 0 and FALSE as no mark, and ×, ?, 2 as invalid', () => {
    for (const v of [null, '', '  ', '\u3000', 0, '0', false]) expect(readTick(v, '好')).toBe('blank');
    for (const v of ['×', '?', '？', 2, '2', 'x', 0.5, '较好']) expect(readTick(v, '好')).toBe('invalid');
  });

  it('never throws and always answers one of the three readings', () => {
    fc.assert(fc.property(anyCell, fc.constantFrom(...GRADES, ...SATISFACTION), (v, choice) => expect(['blank', 'tick', 'invalid']).toContain(readTick(v, choice))));
  });
});

describe('entry cells (录入表)', () => {
  it('reads the word, the letter code (either case, full width) and the number code (number or text) as the same choice', () => {
    fc.assert(
      fc.property(sets, fc.nat(), fc.boolean(), fc.boolean(), (set, n, lower, wide) => {
        const i = n % set.length;
        let letter = 'ABCD'[i];
        if (lower) letter = letter.toLowerCase();
        if (wide) letter = fullWidth(letter);
        const digit = wide ? fullWidth(String(i + 1)) : String(i + 1);
        for (const v of [set[i], ` ${set[i]} `, letter, digit, i + 1]) expect(readEntry(v, set)).toEqual({ kind: 'choice', choice: i });
      }),
    );
  });

  it('rejects a code beyond the set: D and 4 in a three-choice set, 0 and 5 anywhere', () => {
    expect(readEntry('D', SATISFACTION)).toEqual({ kind: 'invalid' });
    expect(readEntry(4, SATISFACTION)).toEqual({ kind: 'invalid' });
    expect(readEntry('D', GRADES)).toEqual({ kind: 'choice', choice: 3 });
    for (const v of [0, 5, '5', 'E', 2.5, '√', '优', '很好']) expect(readEntry(v, GRADES)).toEqual({ kind: 'invalid' });
  });

  it('reads two different choices in one cell as multiple marks, in any separator, and one choice twice as that choice', () => {
    fc.assert(
      fc.property(sets, fc.nat(), fc.nat(), fc.constantFrom('、', ',', '，', '/', ' ', ''), (set, a, b, sep) => {
        const i = a % set.length;
        const j = b % set.length;
        const letters = `${'ABCD'[i]}${sep}${'ABCD'[j]}`;
        const expected = i === j ? { kind: 'choice', choice: i } : { kind: 'multiple', choices: [Math.min(i, j), Math.max(i, j)] };
        expect(readEntry(letters, set)).toEqual(expected);
        if (sep !== '') expect(readEntry(`${set[i]}${sep}${set[j]}`, set)).toEqual(expected);
      }),
    );
  });

  it('never throws on any cell value', () => {
    fc.assert(fc.property(anyCell, sets, (v, set) => expect(['blank', 'choice', 'multiple', 'invalid']).toContain(readEntry(v, set).kind)));
  });
});

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 42 → 四十二, 105 → 一百零五, 10 → 十 (as a title writes it). */
function spell(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h > 0 ? `${CN[h]}百` : '';
  if (t > 0) s += `${h === 0 && t === 1 ? '' : CN[t]}十`;
  else if (h > 0 && u > 0) s += '零';
  if (u > 0) s += CN[u];
  return s;
}

describe('实到人数 from a title line', () => {
  it('reads the number present in every way a title states it, with or without spaces and full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(' ', '', '\u3000'), fc.boolean(), (present, due, sp, wide) => {
        const num = (n: number) => (wide ? fullWidth(String(n)) : String(n));
        const forms = [
          `应到${sp}${num(due)}${sp}人，实到${sp}${num(present)}${sp}人`,
          `（应到${num(due)}人,实到${num(present)}人）`,
          `实到${num(present)}人`,
          `实到人数：${sp}${num(present)}`,
          `参加测评${sp}${num(present)}${sp}人`,
          `测评时间：2017年2月17日${sp}参加测评人数：${num(present)}`,
          `实到${spell(present)}人`,
          `党组织书记抓党建述职评议测评表（应到${spell(due)}人，实到${spell(present)}人）`,
        ];
        for (const f of forms) expect(presentFromText(f)).toBe(present);
      }),
    );
  });

  it('does not take the number due, a date or a count of ballots for the number present', () => {
    expect(presentFromText('应到 45 人')).toBeNull();
    expect(presentFromText('2017年2月17日 党组织书记抓党建述职评议测评表')).toBeNull();
    expect(presentFromText('发出测评票 45 张')).toBeNull();
    expect(presentFromText('第 3 张')).toBeNull();
  });

  it('spells Chinese numerals as the title writes them', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), (n) => expect(chineseNumber(spell(n))).toBe(n)));
    expect(chineseNumber('两百')).toBe(200);
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const n = presentFromText(s);
      expect(n === null || (Number.isInteger(n) && n > 0)).toBe(true);
    }));
  });
});
