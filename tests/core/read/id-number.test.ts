import fc from 'fast-check';
import { birthDigits, checkCharacter, maskId, readIdNumber, upgradeLegacy } from '../../../src/core/read/id-number';
import { dayFromYmd, dayToIso } from '../../../src/core/read/date';

describe('resident ID numbers (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014'])('%s is valid', (id) => {
    const r = readIdNumber(id);
    expect(r).toMatchObject({ kind: 'id', expectedCheck: null, legacy: false });
  });

  it('reads the region, birth date and check character of any 18 characters, however often a date repeats', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const id = fc
      .tuple(digits(6), fc.integer({ min: 1700, max: 2299 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), digits(3), fc.constantFrom(...'0123456789X'.split('')))
      .map(([region, y, m, d, seq, last]) => `${region}${y}${two(m)}${two(d)}${seq}${last}`);
    // Each ID twice: the second read comes from what the first one kept.
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 20 }), (ids) => {
        for (const s of [...ids, ...ids]) {
          const r = readIdNumber(s);
          const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
          const expected = checkCharacter(s);
          if (s.endsWith('000') && expected !== '0') {
            expect(r.kind).toBe('scientific');
            continue;
          }
          expect(r).toEqual({ kind: 'id', text: s, id18: s, legacy: false, region: s.slice(0, 6), birth: y < 1850 ? null : dayFromYmd(y, m, d), expectedCheck: expected === s[17] ? null : expected });
          expect(r.kind === 'id' && birthDigits(r)).toBe(s.slice(6, 14));
        }
      }),
    );
  });

  it('tells an ID from malformed text as a plain reading of its characters does', () => {
    // Digits with a few other characters among them (no spaces or quotes; a full-width digit is read as its digit).
    const char = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...'0123456789'.split('')) }, { weight: 1, arbitrary: fc.constantFrom('X', 'x', 'A', '-', '０', '.') });
    const text = fc.oneof(fc.constantFrom(15, 18), fc.integer({ min: 0, max: 20 })).chain((n) => fc.array(char, { minLength: n, maxLength: n }).map((cs) => cs.join('')));
    fc.assert(
      fc.property(text, (v) => {
        const s = v.replace(/０/g, '0').toUpperCase();
        const r = readIdNumber(v);
        if (s.length !== 15 && s.length !== 18) expect(r).toEqual(v === '' ? { kind: 'empty' } : { kind: 'malformed', text: v, problem: 'length' });
        else if (!(s.length === 15 ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(s)) expect(r).toEqual({ kind: 'malformed', text: v, problem: 'characters' });
        else if (s.length === 18 && s.endsWith('000') && checkCharacter(s) !== '0') expect(r).toEqual({ kind: 'scientific', text: v });
        else expect(r).toMatchObject({ kind: 'id', text: s, legacy: s.length === 15, region: s.slice(0, 6) });
      }),
    );
  });

  it('finds a wrong check character', () => {
    expect(readIdNumber('440308199901101513')).toMatchObject({ kind: 'id', expectedCheck: '2' });
  });

  it('finds a birth date that does not exist', () => {
    const r = readIdNumber('440308199902301512');
    expect(r).toMatchObject({ kind: 'id', birth: null });
    expect(r.kind === 'id' && birthDigits(r)).toBe('19990230');
  });

  it('reads a legacy 15-digit number and upgrades it', () => {
    const r = readIdNumber('610104620927690');
    expect(r).toMatchObject({ kind: 'id', legacy: true, id18: '610104196209276908' });
    expect(r.kind === 'id' && dayToIso(r.birth!)).toBe('1962-09-27');
    expect(r.kind === 'id' && birthDigits(r)).toBe('19620927');
    expect(readIdNumber(610104620927690)).toMatchObject({ kind: 'id', legacy: true });
  });

  it('reads the birth date of any 15-digit number as 19YYMMDD, however often a date repeats', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const id15 = fc
      .tuple(digits(6), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), digits(3))
      .map(([region, yy, m, d, seq]) => `${region}${two(yy)}${two(m)}${two(d)}${seq}`);
    fc.assert(
      fc.property(fc.array(id15, { minLength: 1, maxLength: 20 }), (ids) => {
        for (const s of [...ids, ...ids]) {
          const r = readIdNumber(s);
          const [y, m, d] = [1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12))];
          expect(r).toEqual({ kind: 'id', text: s, id18: upgradeLegacy(s), legacy: true, region: s.slice(0, 6), birth: dayFromYmd(y, m, d), expectedCheck: null });
          expect(r.kind === 'id' && birthDigits(r)).toBe('19' + s.slice(6, 12));
        }
      }),
    );
  });

  it("recognises Excel's damage to IDs typed as numbers", () => {
    expect(readIdNumber(110105194912310020)).toEqual({ kind: 'scientific', text: '1.10105E+17' });
    expect(readIdNumber('1.10105E+17')).toMatchObject({ kind: 'scientific' });
    expect(readIdNumber('110105194912310000')).toMatchObject({ kind: 'scientific' });
  });

  it('reports malformed text without throwing', () => {
    expect(readIdNumber('37150219560101123')).toMatchObject({ kind: 'malformed', problem: 'length' });
    expect(readIdNumber('11010519491231002Y')).toMatchObject({ kind: 'malformed', problem: 'characters' });
    expect(readIdNumber(' 11010519491231002x ')).toMatchObject({ kind: 'id', text: '11010519491231002X' });
    expect(readIdNumber(null)).toEqual({ kind: 'empty' });
  });

  it('masks all but the first 6 and last 4 characters', () => {
    expect(maskId('11010519491231002X')).toBe('110105********002X');
    expect(maskId('610104620927690')).toBe('610104*****7690');
  });

  const validId = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date('1900-01-01'), max: new Date('2016-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
    .map(([region, birth, seq]) => {
      const first17 = String(region) + birth.toISOString().slice(0, 10).replace(/-/g, '') + String(seq).padStart(3, '0');
      return first17 + checkCharacter(first17);
    });

  it('accepts every ID built with the standard check character', () => {
    fc.assert(fc.property(validId, (id) => void expect(readIdNumber(id)).toMatchObject({ kind: 'id', expectedCheck: null })));
  });

  it('catches every single-digit typo (the check character’s purpose)', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const typo = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        const r = readIdNumber(typo);
        expect(r.kind === 'scientific' || (r.kind === 'id' && (r.expectedCheck !== null || r.birth === null))).toBe(true);
      }),
    );
  });

  it('upgrades legacy numbers to IDs that pass the check', () => {
    expect(readIdNumber(upgradeLegacy('610104620927690'))).toMatchObject({ kind: 'id', expectedCheck: null });
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.bigInt().map(Number), fc.constant(null)), (v) => void readIdNumber(v as never)));
  });
});
