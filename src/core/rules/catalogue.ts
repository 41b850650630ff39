import { KINDS } from '../kinds/registry';
import { RuleDef, RuleIdOf, Severity } from '../rule';
import { COMMON_RULES } from './common';

/** Every rule id: the common rules' and every kind's, derived from their definitions. */
export type RuleId = RuleIdOf<typeof COMMON_RULES> | (typeof KINDS)[number]['rules'][number]['id'];

/** Every rule, common ones first, then each kind's in the registry's order. */
export const RULES: readonly RuleDef<RuleId>[] = [...COMMON_RULES, ...KINDS.flatMap((k): readonly RuleDef<RuleId>[] => k.rules)];

export const RULE_IDS = RULES.map((r) => r.id) as [RuleId, ...RuleId[]];

export const DEFAULT_SEVERITY = Object.fromEntries(RULES.map((r) => [r.id, r.severity])) as Record<RuleId, Severity>;
