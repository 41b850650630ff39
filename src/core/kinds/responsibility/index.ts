import { Settings } from '../../settings';
import { Check } from '../../rules/check';
import { deadlineCheck, DEADLINE_RULES } from './checks/deadline';
import { duplicateTaskCheck, DUPLICATE_TASK_RULES } from './checks/duplicate';
import { ownerCheck, OWNER_RULES } from './checks/owner';
import { scoreCheck, SCORE_RULES } from './checks/score';
import { vetoCheck, VETO_RULES } from './checks/veto';

/** 目标任务分解表 / 考核评分表: tasks with a lead unit, an owner, a deadline and points. */
export const responsibilityKind = {
  id: 'responsibility',
  rules: [...DUPLICATE_TASK_RULES, ...OWNER_RULES, ...DEADLINE_RULES, ...SCORE_RULES, ...VETO_RULES],
  checks: (_settings: Settings): Check[] => [duplicateTaskCheck(), ownerCheck(), deadlineCheck(), scoreCheck(), vetoCheck()],
} as const;
