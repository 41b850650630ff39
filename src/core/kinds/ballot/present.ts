import { compact } from '../../read/text';

/** 实到人数 (people present) as a title or subtitle line states it. */

const DIGITS = '零一二三四五六七八九';

/** 四十二, 一百零五, 两百: the Chinese numerals a title may spell a count in (below 10,000). */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const t = s.replace(/两/g, '二').replace(/〇/g, '零');
  if (!/^[零一二三四五六七八九十百千]+$/.test(t)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of t) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  if (digit > 0) total += digit;
  return total;
}

const NUMBER = '(\\d+|[零〇一二两三四五六七八九十百千]+)';
/** 实到 42 人, 实到人数：42, 实到会 42 人, 参加测评 42 人, 参加评议人数 42 名, 到会 42 人. */
const PATTERNS = [
  new RegExp(`实到(?:会)?(?:人数|人员)?(?:为|[:：])?${NUMBER}(?:人|名)?`),
  new RegExp(`参加(?:测评|评议|投票|民主测评|述职评议)(?:的)?(?:人数|人员)?(?:为|[:：])?(?:共)?${NUMBER}(?:人|名)`),
  new RegExp(`参加(?:测评|评议|投票)(?:的)?人数(?:为|[:：])?${NUMBER}`),
  new RegExp(`到会(?:人数)?(?:为|[:：])?${NUMBER}(?:人|名)`),
];

/** The number of people present a line states, or null when it states none. */
export function presentFromText(text: string): number | null {
  const t = compact(text);
  if (!/实到|参加|到会/.test(t)) return null;
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const n = chineseNumber(m[1]);
    if (n !== null && n > 0) return n;
  }
  return null;
}
