import { Settings } from '../../settings';
import { Check } from '../../rules/check';
import { amountCheck, AMOUNT_RULES } from './checks/amount';
import { householdDuplicateCheck, DUPLICATE_HOUSEHOLD_RULES } from './checks/duplicates';
import { idNumberCheck, ID_RULES } from './checks/id';
import { phoneCheck, PHONE_RULES } from './checks/phone';
import { summaryTabCheck, SUMMARY_TAB_RULES } from './checks/summary-tab';
import { visitDateCheck, VISIT_RULES } from './checks/visit';

/** 计生困难家庭帮扶救助台账: one row per household, its ID number and the money it received. */
export const aidKind = {
  id: 'aid',
  rules: [...ID_RULES, ...DUPLICATE_HOUSEHOLD_RULES, ...AMOUNT_RULES, ...VISIT_RULES, ...PHONE_RULES, ...SUMMARY_TAB_RULES],
  checks: (_settings: Settings): Check[] => [idNumberCheck(), householdDuplicateCheck(), amountCheck(), visitDateCheck(), phoneCheck(), summaryTabCheck()],
} as const;
