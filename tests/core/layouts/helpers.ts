import { LedgerResult as CheckResult } from '../../../src/core/pipeline';
import { checkCharacter } from '../../../src/core/read/id-number';
import { RuleId } from '../../../src/core/settings';

/** A valid ID number for a 东昌府区 resident born on `birth` (YYYYMMDD), sequence `seq`. */
export function id(birth: string, seq: number, region = '371502'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Errors and warnings as rule@cell (提示 are allowed on a correct workbook). */
export function problems(r: CheckResult): string[] {
  return r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
}

export function at(r: CheckResult, rule: RuleId): string[] {
  return r.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
}
