import { Settings } from '../../settings';
import { Check } from '../check';
import { blankRowCheck, BLANK_ROW_RULES } from './blank';
import { equationCheck, EQUATION_RULES } from './equation';
import { layoutCheck, LAYOUT_RULES } from './layout';
import { requiredCheck, REQUIRED_RULES } from './required';
import { totalsRowCheck, TOTALS_ROW_RULES } from './totals';

/** Rules of every kind's tables (and layout.no-header, which the engine reports for a sheet it cannot read). */
export const COMMON_RULES = [...LAYOUT_RULES, ...BLANK_ROW_RULES, ...REQUIRED_RULES, ...TOTALS_ROW_RULES, ...EQUATION_RULES] as const;

/** Fresh common checks for one run, each given its settings slice. */
export function commonChecks(settings: Settings): Check[] {
  return [layoutCheck(), blankRowCheck(), requiredCheck(), totalsRowCheck(), equationCheck(settings.equations)];
}
