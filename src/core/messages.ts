import { ParamValue } from './findings';
import { RULES, RuleId } from './rules/catalogue';
import { Lang } from './lang';

export { inLang } from './lang';
export type { Lang } from './lang';

type P = Record<string, ParamValue>;

/**
 * Every message the engine gives, Chinese first, derived from the rule definitions (each kept
 * beside its check). Each names the cell (p.cell) and ends with what to do (the fix).
 */
const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function renderMessage(rule: RuleId, params: P, lang: Lang): { message: string; hint: string } {
  const t = BY_ID.get(rule)!;
  return { message: t.message[lang](params), hint: t.fix[lang](params) };
}

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return BY_ID.get(rule)!.title[lang];
}
