import { Ballot, BallotEntry, BallotSheet } from './layout';
import { BallotGroup } from './types';

/** A ballot sheet with where it came from: its file and its evaluator group. */
export interface LocatedSheet {
  file: string;
  /** The group's name, or null when no groups are set (or the sheet matches none). */
  group: string | null;
  sheet: BallotSheet;
}

/** The group a sheet belongs to: a group whose `match` is in the sheet's name, else in the file's. */
export function groupOf(file: string, sheet: string, groups: readonly BallotGroup[]): BallotGroup | null {
  return groups.find((g) => sheet.includes(g.match)) ?? groups.find((g) => file.includes(g.match)) ?? null;
}

export const isBallotSheet = (s: LocatedSheet) => s.sheet.layout === 'grid' || s.sheet.layout === 'entry';
export const isTallySheet = (s: LocatedSheet) => s.sheet.layout === 'tally';

/**
 * A person is 姓名 + 单位. A sheet without a 单位 column names only 姓名: such a row is the one
 * person of that name other sheets place in a unit, when there is exactly one.
 */
export class PersonIndex {
  private readonly units = new Map<string, Set<string>>();

  constructor(names: Iterable<{ person: string; unit: string }>) {
    for (const n of names) {
      if (n.unit === '') continue;
      let set = this.units.get(n.person);
      if (!set) this.units.set(n.person, (set = new Set()));
      set.add(n.unit);
    }
  }

  unitOf(person: string, unit: string): string {
    if (unit !== '') return unit;
    const set = this.units.get(person);
    return set && set.size === 1 ? [...set][0] : '';
  }

  key(person: string, unit: string): string {
    return `${person}\u0000${this.unitOf(person, unit)}`;
  }
}

export function personIndexOf(sheets: readonly LocatedSheet[]): PersonIndex {
  const names: Array<{ person: string; unit: string }> = [];
  for (const s of sheets) {
    for (const b of s.sheet.ballots) for (const e of b.entries) names.push(e);
    for (const t of s.sheet.tally) names.push(t);
    for (const t of s.sheet.roster) names.push(t);
  }
  return new PersonIndex(names);
}

/** 王伟（市人民医院）, or 王伟 alone when no unit is known. */
export function personText(person: string, unit: string): string {
  const name = person === '' ? '（未填姓名）' : person;
  return unit === '' ? name : `${name}（${unit}）`;
}
export function personTextEn(person: string, unit: string): string {
  const name = person === '' ? '(no name)' : person;
  return unit === '' ? name : `${name} (${unit})`;
}

/** How a message names a ballot: 票号 0012, 第 3 张票, 这张票. */
export function ballotName(sheet: BallotSheet, b: Ballot): { zh: string; en: string } {
  const nth = b.label === null ? null : /^第 (\d+) 张$/.exec(b.label);
  if (nth) return { zh: `第 ${nth[1]} 张测评票`, en: `ballot ${nth[1]}` };
  if (b.label !== null) return { zh: `票号 ${b.label} 的测评票`, en: `ballot no. ${b.label}` };
  if (sheet.ballots.length === 1 && sheet.layout === 'grid') return { zh: '本表这张测评票', en: 'the ballot on this sheet' };
  return { zh: `本表第 ${b.index} 张测评票`, en: `ballot ${b.index} of this sheet` };
}

export function isBlankBallot(b: Ballot): boolean {
  return b.entries.every(isBlankEntry);
}

export function isBlankEntry(e: BallotEntry): boolean {
  return e.marks.every((m) => m.state === 'blank');
}

/** One set of ballots compared with one 实到人数. */
export interface PresentScope {
  file: string;
  sheets: LocatedSheet[];
  present: number;
  /** Where the figure is written (the title line), or the first sheet's top-left cell. */
  at: { sheet: string; row: number; col: number };
  /** The line as written, or null when the figure comes from the settings. */
  text: string | null;
}

/**
 * Which ballots each 实到人数 covers. Settings: every ballot of the run. Else per file: when its
 * sheets state one figure (stacked ballots or one sheet per ballot repeat the title), all the
 * file's ballots; when they state different figures (a sheet per group), each sheet its own.
 */
export function presentScopes(sheets: readonly LocatedSheet[], present: number | undefined): PresentScope[] {
  // Ballots when there are any; an office's tally alone still states 实到 for the summary (it has no ballots to count).
  const withBallots = sheets.filter(isBallotSheet);
  const ballotSheets = withBallots.length > 0 ? withBallots : sheets.filter(isTallySheet);
  if (ballotSheets.length === 0) return [];
  if (present !== undefined) {
    const first = ballotSheets[0];
    return [{ file: first.file, sheets: ballotSheets, present, at: { sheet: first.sheet.sheet, ...first.sheet.titleAt }, text: null }];
  }
  const out: PresentScope[] = [];
  const files = [...new Set(ballotSheets.map((s) => s.file))];
  for (const file of files) {
    const inFile = ballotSheets.filter((s) => s.file === file);
    const stated = inFile.filter((s) => s.sheet.present !== null);
    if (stated.length === 0) continue;
    const values = new Set(stated.map((s) => s.sheet.present!.value));
    if (values.size === 1) {
      const p = stated[0].sheet.present!;
      out.push({ file, sheets: inFile, present: p.value, at: { sheet: stated[0].sheet.sheet, ...p.at }, text: p.text });
    } else {
      for (const s of stated) out.push({ file, sheets: [s], present: s.sheet.present!.value, at: { sheet: s.sheet.sheet, ...s.sheet.present!.at }, text: s.sheet.present!.text });
    }
  }
  return out;
}
