import { cellAddress } from '../../address';
import { textKey } from '../../read/text';
import type { HouseholdAt } from './consolidate';

/**
 * What a household found in several places most likely is: the same ID under the same name
 * (one family aided twice: to check) or under different names (an ID typed wrong somewhere).
 */
export type DuplicateKind = 'aided-twice' | 'id-mistyped';

export interface DuplicatePlace {
  file: string;
  sheet: string;
  cell: string;
  county: string;
  township: string;
  head: string;
  /** 元, the row's total at face value. */
  amount: number;
}

export interface AidDuplicate {
  /** Masked unless --show-ids. */
  id: string;
  kind: DuplicateKind;
  places: DuplicatePlace[];
}

export function duplicateKind(heads: string[]): DuplicateKind {
  const names = new Set(heads.map(textKey).filter((h) => h !== ''));
  return names.size > 1 ? 'id-mistyped' : 'aided-twice';
}

/** Every ID found in more than one row, in the order first seen; linear in the rows. */
export function duplicateGroups(rows: HouseholdAt[], shownId: (id18: string) => string): AidDuplicate[] {
  // The duplicate check indexed every ID and marked each row whose ID came before: only those IDs
  // are grouped here, with no second index of 100,000 IDs. Rows no check looked at are grouped in full.
  let repeated: Set<string> | null = new Set();
  for (const at of rows) {
    const h = at.household;
    if (h.id.kind !== 'id') continue;
    if (h.idRepeated === null) {
      repeated = null;
      break;
    }
    if (h.idRepeated) repeated.add(h.id.id18);
  }
  if (repeated !== null && repeated.size === 0) return [];
  // id → index into rows (a number while it is seen once), so 100,000 households make no arrays.
  const ids = new Map<string, number | number[]>();
  rows.forEach((at, i) => {
    const h = at.household;
    if (h.id.kind !== 'id' || (repeated !== null && !repeated.has(h.id.id18))) return;
    const prev = ids.get(h.id.id18);
    if (prev === undefined) ids.set(h.id.id18, i);
    else if (typeof prev === 'number') ids.set(h.id.id18, [prev, i]);
    else prev.push(i);
  });
  const out: AidDuplicate[] = [];
  for (const [id, list] of ids) {
    if (typeof list === 'number') continue;
    const places = list.map((i) => {
      const { file, sheet, col, household: h } = rows[i];
      return { file, sheet, cell: cellAddress(h.row, col), county: h.county, township: h.township, head: h.head, amount: h.amount };
    });
    out.push({ id: shownId(id), kind: duplicateKind(places.map((p) => p.head)), places });
  }
  return out;
}
