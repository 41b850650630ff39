import type { Finding } from './findings';
import type { Attribution } from './kind';

export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * 问题分布: who has to fix what. Findings counted per file, per county and township (aid
 * ledgers) and per lead unit (responsibility tables), worst first, so a supervisor can send
 * each workbook back to the office that keeps it, with its count.
 */
export interface Distribution {
  byFile: Array<{ file: string } & Tally>;
  byPlace: Array<{ county: string; township: string } & Tally>;
  byUnit: Array<{ unit: string } & Tally>;
}

/** A finding about a whole responsibility table (its points total, its header), not one task. */
export const WHOLE_TABLE = { zh: '（整张表）', en: '(whole table)' };

function bump<T extends Tally>(map: Map<string, T>, k: string, make: () => T, f: Finding) {
  let t = map.get(k);
  if (!t) map.set(k, (t = make()));
  if (f.severity === 'error') t.errors++;
  else if (f.severity === 'warning') t.warnings++;
  else t.infos++;
}

const zero = (): Tally => ({ errors: 0, warnings: 0, infos: 0 });

function worstFirst<T extends Tally>(list: T[], name: (t: T) => string): T[] {
  return list.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos || name(a).localeCompare(name(b), 'zh'));
}

/**
 * Counts each finding for its file, and for whoever its kind says fixes it (a county and
 * township, or a lead unit: `attribute`). A finding on a responsibility table that names no
 * task row counts for the whole table.
 */
export function distribute(findings: Finding[], files: string[], attribute: (f: Finding) => Attribution | undefined): Distribution {
  const byFile = new Map<string, { file: string } & Tally>(files.map((file) => [file, { file, ...zero() }]));
  const byPlace = new Map<string, { county: string; township: string } & Tally>();
  const byUnit = new Map<string, { unit: string } & Tally>();
  for (const f of findings) {
    bump(byFile, f.file, () => ({ file: f.file, ...zero() }), f);
    const who = attribute(f);
    if (!who) continue;
    if ('unit' in who) bump(byUnit, who.unit, () => ({ unit: who.unit, ...zero() }), f);
    else bump(byPlace, `${who.county}\u0000${who.township}`, () => ({ county: who.county, township: who.township, ...zero() }), f);
  }
  return {
    // Every file, a clean one too: the supervisor sees it was checked.
    byFile: worstFirst([...byFile.values()], (t) => t.file),
    byPlace: worstFirst([...byPlace.values()], (t) => `${t.county}${t.township}`),
    byUnit: worstFirst([...byUnit.values()], (t) => t.unit),
  };
}
