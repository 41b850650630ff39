import fc from 'fast-check';
import { readNumber } from '../../../src/core/read/number';

describe('readNumber', () => {
  it.each([
    [1234.5, 1234.5, undefined],
    ['1,234.50', 1234.5, undefined],
    ['１２３４', 1234, undefined],
    ['¥300', 300, undefined],
    ['300元', 300, '元'],
    ['0.05万元', 0.05, '万元'],
    [' 12 ', 12, undefined],
    ['8分', 8, undefined],
    ['3人', 3, undefined],
    ['0.05万', 0.05, '万元'],
    ['５００', 500, undefined],
    ['-3', -3, undefined],
  ])('reads %p as %p', (input, value, unit) => {
    const r = readNumber(input);
    expect(r).toEqual(unit ? { ok: true, value, unit } : { ok: true, value });
  });

  it.each([['良好'], ['待定'], ['1.2.3'], ['12abc'], [true]])('reports %p as text', (input) => {
    expect(readNumber(input as never)).toEqual({ ok: false, reason: 'text' });
  });

  it('refuses numbers no ledger holds, so sums cannot overflow', () => {
    expect(readNumber(-1.797693134862316e306)).toEqual({ ok: false, reason: 'text' });
    expect(readNumber('1e20')).toEqual({ ok: false, reason: 'text' });
    expect(readNumber(Infinity)).toEqual({ ok: false, reason: 'error' });
  });

  it('tells empty from error values', () => {
    expect(readNumber(null)).toEqual({ ok: false, reason: 'empty' });
    expect(readNumber('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(readNumber({ error: '#N/A' })).toEqual({ ok: false, reason: 'error' });
  });

  it('never throws and only ever returns finite numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.double(), fc.constant(null), fc.boolean(), fc.date()), (v) => {
        const r = readNumber(v as never);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });

  it('reads back any finite number written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        const r = readNumber(n.toLocaleString('en-US'));
        expect(r.ok && r.value).toBe(n);
      }),
    );
  });
});
