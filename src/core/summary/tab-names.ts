import { Lang } from '../lang';
import { OwnedRole } from './sheet';

/** Core's own tabs, whatever the kinds: each kind names its own tabs in its folder. */
export const TAB_NAMES = {
  findings: { zh: '检查结果', en: 'Findings' },
  distribution: { zh: '问题分布', en: 'Who fixes what' },
  log: { zh: '检查记录', en: 'Check log' },
} satisfies Record<OwnedRole, Record<Lang, string>>;

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
