import fc from 'fast-check';
import { dayFromExcelSerial, dayFromYmd, dayToIso, excelSerialFromDay, readDate } from '../../../src/core/read/date';

const iso = (v: unknown, refYear?: number) => {
  const r = readDate(v as never, refYear);
  return r.kind === 'date' ? dayToIso(r.day) : r.kind;
};

describe('readDate', () => {
  it.each([
    ['2010年6月30日', '2010-06-30'],
    ['2010.6.30', '2010-06-30'],
    ['2010/6/30', '2010-06-30'],
    ['2010-06-30', '2010-06-30'],
    ['20100630', '2010-06-30'],
    ['2017年6月', '2017-06-30'],
    ['2017年2月底', '2017-02-28'],
    ['2017年底', '2017-12-31'],
    ['  2017 年 6 月 30 日前 ', '2017-06-30'],
    ['２０１７年６月３０日', '2017-06-30'],
    ['2017年6月30日前完成', '2017-06-30'],
    ['2017年12月底前完成', '2017-12-31'],
    ['2017年6月—12月', '2017-12-31'],
    ['2017年3月至2017年9月', '2017-09-30'],
  ])('reads %p', (text, expected) => expect(iso(text)).toBe(expected));

  it('reads year-less spans and 1.13 typed as text with the reference year, never a number 1.1', () => {
    expect(iso('6月至9月底', 2017)).toBe('2017-09-30');
    expect(iso('1.13', 2017)).toBe('2017-01-13');
    expect(iso(1.13, 2017)).toBe('invalid');
  });

  it('reads month-only forms with the reference year', () => {
    expect(iso('6月底', 2017)).toBe('2017-06-30');
    expect(iso('6月30日', 2017)).toBe('2017-06-30');
    expect(iso('年底', 2017)).toBe('2017-12-31');
    expect(iso('6月底')).toBe('invalid');
  });

  it.each(['长期', '常态化', '持续', '长期坚持', '持续推进'])('reads %p as ongoing', (w) => expect(iso(w)).toBe('ongoing'));

  it.each(['尽快', '2017年2月30日', '2017.13.1', '下周', 'abc'])('rejects %p', (w) => expect(iso(w, 2017)).toBe('invalid'));

  it('reads Excel serials and Date objects', () => {
    expect(iso(42916)).toBe('2017-06-30');
    expect(iso(new Date(Date.UTC(2017, 5, 30)))).toBe('2017-06-30');
    expect(iso(7)).toBe('invalid');
  });

  it("follows Excel's 1900 leap-year quirk", () => {
    expect(dayToIso(dayFromExcelSerial(59)!)).toBe('1900-02-28');
    expect(dayFromExcelSerial(60)).toBeNull(); // 1900-02-29 never was
    expect(dayToIso(dayFromExcelSerial(61)!)).toBe('1900-03-01');
    expect(dayToIso(dayFromExcelSerial(1)!)).toBe('1900-01-01');
    expect(dayToIso(dayFromExcelSerial(0, true)!)).toBe('1904-01-01');
  });

  it('round-trips every day between serials and calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80000 }), (serial) => {
        expect(excelSerialFromDay(dayFromExcelSerial(serial)!)).toBe(serial);
      }),
    );
  });

  it('reads back every valid date typed in any of the clerks’ forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('年月日', '.', '/', '-'), (y, m, d, sep) => {
        const text = sep === '年月日' ? `${y}年${m}月${d}日` : [y, m, d].join(sep);
        expect(readDate(text)).toEqual({ kind: 'date', day: dayFromYmd(y, m, d) });
      }),
    );
  });

  it('counts calendar days as the JavaScript calendar does, and refuses days that never were', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const t = Date.UTC(y, m - 1, d);
        const real = new Date(t).getUTCDate() === d;
        expect(dayFromYmd(y, m, d)).toBe(real ? t / 86_400_000 : null);
      }),
    );
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
    expect(dayFromYmd(2100, 2, 29)).toBeNull();
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.date(), fc.constant(null), fc.boolean()), fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }), (v, y) => {
      readDate(v as never, y);
    }));
  });
});
