import { compact, splitList } from '../../../read/text';
import { Check } from '../../../rules/check';

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** An 11-digit mobile number or a landline with its area code; several may share a cell. */
export function isPhoneNumber(text: string): boolean {
  if (MOBILE.test(text)) return true; // the common case, without splitting
  const parts = splitList(text);
  return parts.length > 0 && parts.every((p) => {
    const s = compact(p).replace(/[()（）]/g, (c) => (c === '(' || c === '（' ? '' : '-')).replace(/^-+/, '');
    return MOBILE.test(s.replace(/-/g, '')) || LANDLINE.test(s);
  });
}

/** phone.format */
export function phoneCheck(): Check {
  return {
    rules: ['phone.format'],
    kinds: ['aid'],
    row(row, ctx) {
      const text = row.household!.phone;
      if (text !== '' && !isPhoneNumber(text)) ctx.report('phone.format', row.row, 'phone', row.get('phone'), { text });
    },
  };
}
