import { Settings } from '../settings';
import { Check } from './check';
import { amountCheck } from '../kinds/aid/checks/amount';
import { householdDuplicateCheck } from '../kinds/aid/checks/duplicates';
import { idNumberCheck } from '../kinds/aid/checks/id';
import { phoneCheck } from '../kinds/aid/checks/phone';
import { summaryTabCheck } from '../kinds/aid/checks/summary-tab';
import { visitDateCheck } from '../kinds/aid/checks/visit';
import { blankRowCheck } from './common/blank';
import { equationCheck } from './common/equation';
import { layoutCheck } from './common/layout';
import { requiredCheck } from './common/required';
import { totalsRowCheck } from './common/totals';
import { deadlineCheck } from '../kinds/responsibility/checks/deadline';
import { duplicateTaskCheck } from '../kinds/responsibility/checks/duplicate';
import { ownerCheck } from '../kinds/responsibility/checks/owner';
import { scoreCheck } from '../kinds/responsibility/checks/score';
import { vetoCheck } from '../kinds/responsibility/checks/veto';

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
