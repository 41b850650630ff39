import type { HouseholdAt } from './kinds/aid/consolidate';
import type { Finding } from './findings';
import { compact } from './read/text';
import { RowIndex } from './row-index';
import type { TaskAt } from './kinds/responsibility/scoring';

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
export const NO_UNIT = '（未填牵头单位）';

const key = (file: string, sheet: string) => `${file}\u0000${sheet}`;

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

export function distribute(findings: Finding[], files: string[], households: HouseholdAt[], tasks: TaskAt[]): Distribution {
  // Only the rows that have findings are looked up: no key is built for a clean row.
  const flagged = new RowIndex<true>();
  // A finding about the whole sheet (no row) still needs the sheet's place: row -1 marks it.
  for (const f of findings) flagged.getOrSet(f.file, f.sheet, f.row ?? -1, () => true);
  const placeByRow = new RowIndex<{ county: string; township: string }>();
  const placeBySheet = new Map<string, { county: string; township: string }>();
  // Households come sheet by sheet: the sheet's flagged rows are looked up once per sheet.
  let lastFile: string | null = null;
  let lastSheet: string | null = null;
  let rows: Map<number, true> | undefined;
  for (const at of households) {
    if (at.file !== lastFile || at.sheet !== lastSheet) {
      lastFile = at.file;
      lastSheet = at.sheet;
      rows = flagged.sheet(at.file, at.sheet);
      if (rows && !placeBySheet.has(key(at.file, at.sheet))) placeBySheet.set(key(at.file, at.sheet), { county: at.household.county, township: at.household.township });
    }
    if (!rows || !rows.has(at.household.row)) continue;
    const h = at.household;
    placeByRow.getOrSet(at.file, at.sheet, h.row, () => ({ county: h.county, township: h.township }));
  }
  const unitByRow = new RowIndex<string>();
  const responsibilitySheets = new Set<string>();
  for (const t of tasks) {
    responsibilitySheets.add(key(t.file, t.sheet));
    if (flagged.get(t.file, t.sheet, t.task.row)) unitByRow.getOrSet(t.file, t.sheet, t.task.row, () => compact(t.task.leadUnit) || NO_UNIT);
  }
  const byFile = new Map<string, { file: string } & Tally>(files.map((file) => [file, { file, ...zero() }]));
  const byPlace = new Map<string, { county: string; township: string } & Tally>();
  const byUnit = new Map<string, { unit: string } & Tally>();
  for (const f of findings) {
    bump(byFile, f.file, () => ({ file: f.file, ...zero() }), f);
    const place = (f.row !== null ? placeByRow.get(f.file, f.sheet, f.row) : undefined) ?? placeBySheet.get(key(f.file, f.sheet));
    if (place) bump(byPlace, `${place.county}\u0000${place.township}`, () => ({ ...place, ...zero() }), f);
    else if (responsibilitySheets.has(key(f.file, f.sheet))) {
      const unit = (f.row !== null ? unitByRow.get(f.file, f.sheet, f.row) : undefined) ?? WHOLE_TABLE.zh;
      bump(byUnit, unit, () => ({ unit, ...zero() }), f);
    }
  }
  return {
    // Every file, a clean one too: the supervisor sees it was checked.
    byFile: worstFirst([...byFile.values()], (t) => t.file),
    byPlace: worstFirst([...byPlace.values()], (t) => `${t.county}${t.township}`),
    byUnit: worstFirst([...byUnit.values()], (t) => t.unit),
  };
}
