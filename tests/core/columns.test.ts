import fc from 'fast-check';
import { matchHeader, normaliseHeader } from '../../src/core/columns';
import { AID_COLUMNS } from '../../src/core/kinds/aid/columns';
import { RESPONSIBILITY_COLUMNS } from '../../src/core/kinds/responsibility/columns';

describe('header matching', () => {
  it.each([
    ['责任人', 'owner'],
    ['具体\n责任人', 'owner'],
    ['完成 时限', 'deadline'],
    ['分值（分）', 'maxScore'],
    ['牵头单位', 'leadUnit'],
    ['责任单位', 'leadUnit'],
    ['得 分', 'score'],
    ['Deadline', 'deadline'],
    ['Lead unit', 'leadUnit'],
  ])('responsibility header %p → %p', (text, key) => expect(matchHeader(text, RESPONSIBILITY_COLUMNS)?.key).toBe(key));

  it.each([
    ['身份证号码', 'idNumber'],
    ['户主身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['慰问金（元）', 'cash'],
    ['县（市、区）', 'county'],
    ['县(市、区)', 'county'],
    ['乡镇（街道）', 'township'],
    ['慰问品（折合金额）', 'goodsValue'],
  ])('aid header %p → %p', (text, key) => expect(matchHeader(text, AID_COLUMNS)?.key).toBe(key));

  it('reads the money unit and the column number in brackets', () => {
    expect(matchHeader('金额（万元）', AID_COLUMNS)).toEqual({ key: 'cash', unit: '万元' });
    expect(matchHeader('合计(1)', AID_COLUMNS)).toEqual({ key: 'total', number: 1 });
    expect(normaliseHeader('慰问金（元）').unit).toBe('元');
  });

  it('matches nothing for unrelated text', () => {
    expect(matchHeader('佐证材料', RESPONSIBILITY_COLUMNS)).toBeNull();
    expect(matchHeader('', AID_COLUMNS)).toBeNull();
  });

  it('never throws on any header text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      matchHeader(s, AID_COLUMNS);
      matchHeader(s, RESPONSIBILITY_COLUMNS);
    }));
  });
  it('finds a header inside a longer text as a walk over every header text, longest first, would', () => {
    // The reference: the first (longest, then first declared) known header text the cell contains.
    const reference = (raw: string, columns: typeof AID_COLUMNS | typeof RESPONSIBILITY_COLUMNS) => {
      const exact = new Map<string, string>();
      for (const [key, def] of Object.entries(columns)) for (const t of def.headers) exact.set(normaliseHeader(t).text, key);
      const sorted = [...exact].filter(([t]) => /[\u4e00-\u9fff]/.test(t) && t.length >= 2).sort((a, b) => b[0].length - a[0].length);
      const { text } = normaliseHeader(raw);
      if (text === '') return undefined;
      const plain = text.replace(/\(.*?\)/g, '');
      const key = exact.get(text) ?? exact.get(plain);
      if (key) return key;
      if (plain.length > 12) return undefined;
      return sorted.find(([t]) => plain.includes(t))?.[1];
    };
    const words = [...Object.values(AID_COLUMNS), ...Object.values(RESPONSIBILITY_COLUMNS)].flatMap((d) => d.headers as readonly string[]);
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom('户主', '金', '号码', '小计', '杨明', '东村', '（元）', '(2)', ' ', '1', '责任', '单位'));
    const text = fc.array(piece, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(matchHeader(t, AID_COLUMNS)?.key).toBe(reference(t, AID_COLUMNS));
        expect(matchHeader(t, RESPONSIBILITY_COLUMNS)?.key).toBe(reference(t, RESPONSIBILITY_COLUMNS));
      }),
      { numRuns: 1000 },
    );
  });
});
