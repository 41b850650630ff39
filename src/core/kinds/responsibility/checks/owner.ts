import { looksLikeUnit } from '../../../read/person';
import { memoize } from '../../../read/text';

const isUnit = memoize(looksLikeUnit);
import { Check } from '../../../rules/check';

/** owner.not-person: 责任人 names a unit (办公室, 疾控中心) where a person must answer for the task. */
export function ownerCheck(): Check {
  return {
    rules: ['owner.not-person'],
    kinds: ['responsibility'],
    row(row, ctx) {
      const owner = row.task!.owner;
      if (owner !== '' && isUnit(owner)) ctx.report('owner.not-person', row.row, 'owner', owner, { owner });
    },
  };
}
