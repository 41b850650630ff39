import { Settings } from '../settings';
import { Check } from './check';
import { amountCheck } from './aid/amount';
import { householdDuplicateCheck } from './aid/duplicates';
import { idNumberCheck } from './aid/id';
import { phoneCheck } from './aid/phone';
import { summaryTabCheck } from './aid/summary-tab';
import { visitDateCheck } from './aid/visit';
import { blankRowCheck } from './common/blank';
import { equationCheck } from './common/equation';
import { layoutCheck } from './common/layout';
import { requiredCheck } from './common/required';
import { totalsRowCheck } from './common/totals';
import { deadlineCheck } from './responsibility/deadline';
import { duplicateTaskCheck } from './responsibility/duplicate';
import { ownerCheck } from './responsibility/owner';
import { scoreCheck } from './responsibility/score';
import { vetoCheck } from './responsibility/veto';

/** Fresh check instances for one run (checks keep state across rows and sheets). */
export function createChecks(settings: Settings): Check[] {
  return [
    layoutCheck(),
    blankRowCheck(),
    requiredCheck(),
    totalsRowCheck(),
    equationCheck(settings.equations),
    duplicateTaskCheck(),
    ownerCheck(),
    deadlineCheck(),
    scoreCheck(),
    vetoCheck(),
    idNumberCheck(),
    householdDuplicateCheck(),
    amountCheck(),
    visitDateCheck(),
    phoneCheck(),
    summaryTabCheck(),
  ];
}
