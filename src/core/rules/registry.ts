import { KINDS } from '../kinds/registry';
import { Settings } from '../settings';
import { Check } from './check';
import { commonChecks } from './common';

/** Fresh check instances for one run (checks keep state across rows and sheets). */
export function createChecks(settings: Settings): Check[] {
  return [...commonChecks(settings), ...KINDS.flatMap((k) => k.checks(settings))];
}
