import fc from 'fast-check';
import { isPhoneNumber } from '../../../../src/core/kinds/aid/checks/phone';
import { compact, splitList } from '../../../../src/core/read/text';

/** The rule as domain.md states it: each listed number an 11-digit mobile (+86 allowed) or a landline with its area code. */
function reference(text: string): boolean {
  const parts = splitList(text);
  return (
    parts.length > 0 &&
    parts.every((p) => {
      const s = compact(p).replace(/[()（）]/g, (c) => (c === '(' || c === '（' ? '' : '-')).replace(/^-+/, '');
      return /^(\+?86)?1[3-9]\d{9}$/.test(s.replace(/-/g, '')) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(s);
    })
  );
}

describe('phone numbers', () => {
  it('reads mobiles, landlines and lists of them as the rule says, whatever the shortcuts', () => {
    const piece = fc.oneof(
      fc.constantFrom('1', '0', '3', '8', '9', '2', '+86', '86', '-', ' ', '、', '(', '）', '0635', '13', '19', '12', 'x'),
      fc.integer({ min: 0, max: 9 }).map(String),
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 16 }).map((a) => a.join('')),
      fc.tuple(fc.constantFrom('1'), fc.integer({ min: 0, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 10 })).map(([a, b, c]) => a + b + c.join('')),
      fc.tuple(fc.constantFrom('0635', '010', '0531'), fc.constantFrom('-', ''), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 9 })).map(([a, b, c]) => a + b + c.join('')),
    );
    fc.assert(fc.property(text, (t) => expect(isPhoneNumber(t)).toBe(reference(t))), { numRuns: 2000 });
  });

  it.each(['13812345678', '+8613812345678', '0635-8810579', '06358810579', '13812345678、0635-8810579'])('%p is a phone number', (t) => expect(isPhoneNumber(t)).toBe(true));
  it.each(['12812345678', '1381234567', '138123456789', '8810579', '电话'])('%p is not', (t) => expect(isPhoneNumber(t)).toBe(false));
});
