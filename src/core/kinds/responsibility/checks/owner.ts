import { looksLikeUnit } from '../../../read/person';
import { memoize } from '../../../read/text';

const isUnit = memoize(looksLikeUnit);
import { Check } from '../../../rules/check';
import type { Task } from '../task';
import type { ResponsibilityKey } from '../columns';
import { defineRules, q, qe } from '../../../rule';

export const OWNER_RULES = defineRules([
  {
    id: 'owner.not-person',
    severity: 'warning',
    title: { zh: '责任人不是具体的人', en: 'Owner is not a person' },
    message: {
      zh: (p) => `${p.cell} 的责任人${q(p.owner)}是单位名称，不是具体的人。`,
      en: (p) => `The owner at ${p.cell}, ${qe(p.owner)}, is a unit, not a person.`,
    },
    fix: {
      zh: () => '填写具体负责的人员姓名（谁丢分、谁负责）。',
      en: () => 'Name the person who answers for the task.',
    },
  },
]);

/** owner.not-person: 责任人 names a unit (办公室, 疾控中心) where a person must answer for the task. */
export function ownerCheck(): Check<Task, ResponsibilityKey> {
  return {
    rules: OWNER_RULES.map((r) => r.id),
    row(row, ctx, t) {
      const owner = t.owner;
      if (owner !== '' && isUnit(owner)) ctx.report({ rule: 'owner.not-person', row: row.row, column: 'owner', value: owner, params: { owner } });
    },
  };
}
