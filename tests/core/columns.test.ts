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
});
