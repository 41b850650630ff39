import type { Lang } from '../../messages';
import type { AidTotals } from './consolidate';

/** 万元 with two decimals, as supervisors report upwards. */
export const wanText = (yuan: number) => (yuan / 10_000).toFixed(2);

/**
 * The aid totals in one sentence, under 帮扶汇总's title and in every other view:
 * 已核实 519 户 68.59 万元；另有 3 处金额待核实（见检查结果）.
 */
export function aidHeadline(total: AidTotals, lang: Lang): string {
  const p = total.pending;
  if (lang === 'en') {
    const verified = `Verified: ${total.households} households, ${wanText(total.amount)} × 10,000 yuan`;
    return p.values > 0 ? `${verified}; ${p.values} more amounts to check (see Findings)` : `${verified}; no amount left to check`;
  }
  const verified = `已核实 ${total.households} 户 ${wanText(total.amount)} 万元`;
  return p.values > 0 ? `${verified}；另有 ${p.values} 处金额待核实（见检查结果）` : `${verified}；没有待核实的金额`;
}
