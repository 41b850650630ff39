import { compact, splitList } from '../../../read/text';
import { Check } from '../../../rules/check';
import type { Household } from '../household';
import type { AidKey } from '../columns';
import { defineRules, q, qe } from '../../../rule';

export const PHONE_RULES = defineRules([
  {
    id: 'phone.format',
    severity: 'warning',
    title: { zh: '电话号码格式错误', en: 'Phone number malformed' },
    message: {
      zh: (p) => `${p.cell} 的联系电话${q(p.text)}既不是 11 位手机号，也不是带区号的固定电话。`,
      en: (p) => `Phone ${qe(p.text)} at ${p.cell} is neither an 11-digit mobile nor a landline with area code.`,
    },
    fix: {
      zh: () => '手机写 11 位数字，固定电话写成 0635-1234567。',
      en: () => 'Write a mobile as 11 digits, a landline as 0635-1234567.',
    },
  },
]);

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** An 11-digit mobile number or a landline with its area code; several may share a cell. */
export function isPhoneNumber(text: string): boolean {
  // The common case, 11 digits from 13…–19…, tested in the loop (cheaper than the expression).
  if (plainMobile(text)) return true;
  if (MOBILE.test(text)) return true; // with +86, still without splitting
  // A landline alone (0635-8810579): no list to split, no text to clean (about 5 ms a 100,000 rows).
  if (LANDLINE.test(text)) return true;
  const parts = splitList(text);
  return parts.length > 0 && parts.every((p) => {
    const s = compact(p).replace(/[()（）]/g, (c) => (c === '(' || c === '（' ? '' : '-')).replace(/^-+/, '');
    return MOBILE.test(s.replace(/-/g, '')) || LANDLINE.test(s);
  });
}

/** 11 ASCII digits, the first 1 and the second 3 to 9: what MOBILE matches without +86. */
function plainMobile(t: string): boolean {
  if (t.length !== 11 || t.charCodeAt(0) !== 49) return false;
  const second = t.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** phone.format */
export function phoneCheck(): Check<Household, AidKey> {
  return {
    rules: PHONE_RULES.map((r) => r.id),
    row(row, ctx, h) {
      const text = h.phone;
      if (text !== '' && !isPhoneNumber(text)) ctx.report({ rule: 'phone.format', row: row.row, column: 'phone', value: row.get('phone'), params: { text } });
    },
  };
}
