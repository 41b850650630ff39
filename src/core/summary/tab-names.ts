import { Lang } from '../lang';
import { OwnedRole } from './sheet';

export const TAB_NAMES: Record<OwnedRole, Record<Lang, string>> = {
  findings: { zh: '检查结果', en: 'Findings' },
  distribution: { zh: '问题分布', en: 'Who fixes what' },
  units: { zh: '责任汇总', en: 'Unit scores' },
  lost: { zh: '丢分清单', en: 'Lost points' },
  overdue: { zh: '督办清单', en: 'Overdue tasks' },
  log: { zh: '检查记录', en: 'Check log' },
  aid: { zh: '帮扶汇总', en: 'Aid summary' },
  duplicates: { zh: '重复户核查', en: 'Duplicate households' },
  ballot: { zh: '测评汇总', en: 'Ballot summary' },
  interviews: { zh: '约谈名单', en: 'Interviews' },
};

/**
 * A name for an owned tab that no user sheet has taken: 检查结果, else 检查结果(2), 检查结果(3)…
 * `taken` holds the names of the user's own sheets (not the tabs we are replacing).
 */
export function freeName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const n = `${wanted}(${i})`;
    if (!lower.has(n.toLowerCase())) return n;
  }
}
