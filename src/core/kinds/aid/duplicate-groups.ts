import { cellAddress } from '../../address';
import { cellText, textKey } from '../../read/text';
import type { Readings } from './readings';

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

/**
 * Every ID found in more than one row, in the order first seen. The readings know those rows
 * (from the duplicate check's index of every ID); only they are looked at here, their heads read
 * from the grid.
 */
export function duplicateGroups(rs: Readings, shownId: (id18: string) => string): AidDuplicate[] {
  return rs.repeatedIds().map(({ id, rows }) => {
    const places = rows.map((i): DuplicatePlace => {
      const s = rs.sheetAt(i);
      const row = rs.row[i];
      const g = rs.groups[rs.group[i]];
      const head = s.headCol === 0 ? '' : cellText(s.grid.get(row, s.headCol));
      return { file: s.file, sheet: s.sheet, cell: cellAddress(row, s.idCol), county: g.county, township: g.township, head, amount: rs.face[i] };
    });
    return { id: shownId(id), kind: duplicateKind(places.map((p) => p.head)), places };
  });
}
