import { cellAddress } from '../../address';
import { cellText } from '../../read/text';
import { CellValue } from '../../workbook';
import { BallotSheet, CellAt, ItemMark } from './layout';
import { ballotName, isBallotSheet, isBlankBallot, isBlankEntry, LocatedSheet, PersonIndex, personIndexOf, personText, personTextEn, presentScopes } from './located';
import { codesText } from './marks';
import { BallotRuleId } from './rules';
import { BallotSettings } from './types';

/** One ballot finding, before the engine gives it a severity and renders its message. */
export interface BallotIssue {
  rule: BallotRuleId;
  file: string;
  sheet: string;
  cell: string;
  row: number | null;
  /** The item the finding is about (the column's meaning), when there is one. */
  column: string | null;
  value: CellValue;
  params: Record<string, string | number>;
}

/**
 * The seven ballot.* checks over every ballot sheet of the run (ballots are compared across
 * sheets and files, so they run once, after reading).
 */
export function checkBallots(sheets: readonly LocatedSheet[], settings: Pick<BallotSettings, 'present'> & Partial<Pick<BallotSettings, 'groups'>>): BallotIssue[] {
  const out: BallotIssue[] = [];
  runProblems(sheets, settings.groups ?? [], out);
  const persons = personIndexOf(sheets);
  for (const s of sheets) if (isBallotSheet(s)) checkMarks(s, persons, out);
  personMissing(sheets, persons, out);
  countExceeds(sheets, settings.present, out);
  tallyMismatch(sheets, persons, out);
  return out;
}

/**
 * Sheets the tally leaves (partly) out, which would make its totals wrong: ballots in no group of
 * the settings (left out of the weighting), and ballots with another choice set (left out of the
 * tally). Errors: the run is not ready while they stand.
 */
function runProblems(sheets: readonly LocatedSheet[], groups: BallotSettings['groups'], out: BallotIssue[]) {
  const counted = sheets.filter(isBallotSheet);
  const source = counted.length > 0 ? counted : sheets.filter((s) => s.sheet.layout === 'tally');
  const first = source[0];
  for (const s of source) {
    const sheet = s.sheet;
    if (groups.length > 0 && s.group === null) {
      const cell = addr(sheet.titleAt);
      out.push({
        rule: 'ballot.group-unmatched',
        file: s.file,
        sheet: sheet.sheet,
        cell,
        row: sheet.titleAt.row,
        column: null,
        value: null,
        params: {
          cell,
          sheet: sheet.sheet,
          file: s.file,
          ballots: sheet.layout === 'tally' ? '计票表' : `${sheet.ballots.length} 张测评票`,
          ballotsEn: sheet.layout === 'tally' ? 'tally' : `${sheet.ballots.length} ballots`,
          groups: groups.map((g) => `${g.name}：${g.match}`).join('，'),
          groupsEn: groups.map((g) => `${g.name}: ${g.match}`).join(', '),
        },
      });
    }
    if (!sameChoices(sheet, first.sheet.choices)) {
      const at = { row: sheet.headerRows[sheet.headerRows.length - 1], col: sheet.itemCells[0]?.col ?? sheet.left };
      const cell = addr(at);
      out.push({
        rule: 'ballot.choices-differ',
        file: s.file,
        sheet: sheet.sheet,
        cell,
        row: at.row,
        column: null,
        value: sheet.choices.join('/'),
        params: { cell, sheet: sheet.sheet, choices: sheet.choices.join('/'), expected: first.sheet.choices.join('/'), firstSheet: first.sheet.sheet },
      });
    }
  }
}

function who(person: string, unit: string) {
  return { who: personText(person, unit), whoEn: personTextEn(person, unit), person, unit };
}

const addr = (at: CellAt) => cellAddress(at.row, at.col);

/** multiple-marks, blank-item, blank and invalid-mark: each ballot, row and item on its own. */
function checkMarks(located: LocatedSheet, persons: PersonIndex, out: BallotIssue[]) {
  const { file, sheet } = located;
  const issue = (rule: BallotRuleId, at: CellAt, column: string | null, value: CellValue, params: Record<string, string | number>) =>
    out.push({ rule, file, sheet: sheet.sheet, cell: addr(at), row: at.row, column, value, params: { ...params, cell: addr(at) } });
  for (const b of sheet.ballots) {
    // Names and message texts are made only for what is reported: a clean ballot costs no allocation.
    const base = () => {
      const name = ballotName(sheet, b);
      return { ballot: name.zh, ballotEn: name.en };
    };
    if (isBlankBallot(b)) {
      issue('ballot.blank', b.firstItem, null, null, { ...base(), persons: b.entries.length, items: sheet.items.length });
      continue;
    }
    for (const e of b.entries) {
      const w = () => ({ ...base(), ...who(e.person, persons.unitOf(e.person, e.unit)) });
      if (isBlankEntry(e)) {
        issue('ballot.blank-item', e.marks[0].at, sheet.items[0], null, { ...w(), wholeRow: 1, items: sheet.items.length, item: sheet.items.join('、') });
        continue;
      }
      for (let i = 0; i < e.marks.length; i++) {
        const m: ItemMark = e.marks[i];
        if (m.state === 'valid') continue;
        const item = sheet.items[i];
        if (m.state === 'blank') issue('ballot.blank-item', m.at, item, null, { ...w(), item });
        else if (m.state === 'multiple')
          issue('ballot.multiple-marks', m.at, item, m.value, { ...w(), item, marked: m.choices.length, choices: m.choices.map((c) => sheet.choices[c]).join('、') });
        else
          issue('ballot.invalid-mark', m.at, item, m.value, {
            ...w(),
            item,
            layout: sheet.layout,
            value: cellText(m.value),
            choice: m.choice === null ? '' : sheet.choices[m.choice],
            choices: sheet.choices.join('/'),
            codes: codesText(sheet.choices),
          });
      }
    }
  }
}

/** A person on some ballots of a file but not on this one: one finding per ballot and person. */
function personMissing(sheets: readonly LocatedSheet[], persons: PersonIndex, out: BallotIssue[]) {
  const files = [...new Set(sheets.filter(isBallotSheet).map((s) => s.file))];
  for (const file of files) {
    const inFile = sheets.filter((s) => s.file === file && isBallotSheet(s));
    const everyone = new Map<string, { person: string; unit: string; ballots: number }>();
    // A 名单 in the file names everyone to be rated, first.
    for (const s of sheets)
      if (s.file === file && s.sheet.layout === 'roster')
        for (const p of s.sheet.roster) {
          const key = persons.key(p.person, p.unit);
          if (!everyone.has(key)) everyone.set(key, { person: p.person, unit: persons.unitOf(p.person, p.unit), ballots: 0 });
        }
    for (const s of inFile)
      for (const b of s.sheet.ballots) {
        const keys = new Set<string>();
        for (const e of b.entries) {
          const key = persons.key(e.person, e.unit);
          if (keys.has(key)) continue;
          keys.add(key);
          const p = everyone.get(key) ?? { person: e.person, unit: persons.unitOf(e.person, e.unit), ballots: 0 };
          p.ballots++;
          everyone.set(key, p);
        }
      }
    for (const s of inFile)
      for (const b of s.sheet.ballots) {
        const here = new Set(b.entries.map((e) => persons.key(e.person, e.unit)));
        const name = ballotName(s.sheet, b);
        for (const [key, p] of everyone) {
          if (here.has(key)) continue;
          const cell = addr(b.header);
          out.push({
            rule: 'ballot.person-missing',
            file,
            sheet: s.sheet.sheet,
            cell,
            row: b.header.row,
            column: null,
            value: null,
            params: { cell, ballot: name.zh, ballotEn: name.en, ...who(p.person, p.unit), others: p.ballots },
          });
        }
      }
  }
}

/** More ballots (blank ones included) than 实到人数: one finding per file (or per sheet when sheets state different figures). */
function countExceeds(sheets: readonly LocatedSheet[], present: number | undefined, out: BallotIssue[]) {
  for (const scope of presentScopes(sheets, present)) {
    const ballots = scope.sheets.flatMap((s) => s.sheet.ballots);
    const cast = ballots.length;
    if (cast <= scope.present) continue;
    const blank = ballots.filter(isBlankBallot).length;
    const cell = cellAddress(scope.at.row, scope.at.col);
    const oneSheet = scope.sheets.length === 1;
    out.push({
      rule: 'ballot.count-exceeds',
      file: scope.file,
      sheet: scope.at.sheet,
      cell,
      row: scope.at.row,
      column: null,
      value: scope.text,
      params: {
        cell,
        cast,
        blank,
        present: scope.present,
        extra: cast - scope.present,
        scope: present !== undefined ? '本次' : oneSheet ? `工作表“${scope.sheets[0].sheet.sheet}”` : '本文件',
        scopeEn: present !== undefined ? 'this run' : oneSheet ? `sheet "${scope.sheets[0].sheet.sheet}"` : 'this file',
        source: scope.text === null ? '据设置' : `据“${scope.text}”`,
        sourceEn: scope.text === null ? 'from the settings' : `from "${scope.text}"`,
      },
    });
  }
}

/** counts[personKey][item][choice] from the valid marks of some ballot sheets. */
export function ballotCounts(sheets: readonly LocatedSheet[], persons: PersonIndex, choices: readonly string[]): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const s of sheets) {
    if (!isBallotSheet(s) || !sameChoices(s.sheet, choices)) continue;
    for (const b of s.sheet.ballots)
      for (const e of b.entries) {
        const key = persons.key(e.person, e.unit);
        let byItem = out.get(key);
        if (!byItem) out.set(key, (byItem = new Map()));
        e.marks.forEach((m, i) => {
          if (m.state !== 'valid') return;
          const item = s.sheet.items[i];
          let c = byItem!.get(item);
          if (!c) byItem!.set(item, (c = choices.map(() => 0)));
          c[m.choice]++;
        });
      }
  }
  return out;
}

export function sameChoices(sheet: BallotSheet, choices: readonly string[]): boolean {
  return sheet.choices.length === choices.length && sheet.choices.every((c, i) => c === choices[i]);
}

/** Each tally cell against the ballots' count: the same file's ballots, else every ballot of the run. */
function tallyMismatch(sheets: readonly LocatedSheet[], persons: PersonIndex, out: BallotIssue[]) {
  for (const t of sheets) {
    if (t.sheet.layout !== 'tally') continue;
    const tally = t.sheet;
    const issue = (at: CellAt, rule: BallotRuleId, value: CellValue, params: Record<string, string | number>, column: string | null) =>
      out.push({ rule, file: t.file, sheet: tally.sheet, cell: addr(at), row: at.row, column, value, params: { ...params, cell: addr(at) } });
    const sameFile = sheets.filter((s) => s.file === t.file && isBallotSheet(s));
    const reference = sameFile.length > 0 ? sameFile : sheets.filter(isBallotSheet);
    const usable = reference.filter((s) => sameChoices(s.sheet, tally.choices));
    // Unreadable counts are wrong whether or not there are ballots to compare with.
    for (const row of tally.tally)
      row.cells.forEach((cells, i) =>
        cells.forEach((cell, k) => {
          if (cell.value !== null) return;
          issue(cell.at, 'ballot.invalid-mark', cell.raw, { ...who(row.person, persons.unitOf(row.person, row.unit)), item: tally.items[i], layout: 'tally', value: cellText(cell.raw), choice: tally.choices[k], choices: tally.choices.join('/'), codes: codesText(tally.choices) }, tally.items[i]);
        }),
      );
    if (usable.length === 0) continue;
    const counts = ballotCounts(usable, persons, tally.choices);
    const items = new Set(usable.flatMap((s) => s.sheet.items));
    const seen = new Set<string>();
    for (const row of tally.tally) {
      const key = persons.key(row.person, row.unit);
      seen.add(key);
      const mine = counts.get(key);
      const w = who(row.person, persons.unitOf(row.person, row.unit));
      row.cells.forEach((cells, i) => {
        const item = tally.items[i];
        if (!items.has(item)) return; // an item the ballots do not have: nothing to compare with
        const expected = mine?.get(item) ?? tally.choices.map(() => 0);
        cells.forEach((cell, k) => {
          if (cell.value === null || cell.value === expected[k]) return;
          issue(cell.at, 'ballot.tally-mismatch', cell.raw, { ...w, item, choice: tally.choices[k], found: cell.value, expected: expected[k], diff: Math.abs(cell.value - expected[k]) }, item);
        });
      });
    }
    // Someone on the ballots the tally leaves out.
    const onBallots = new Map<string, { person: string; unit: string; valid: number }>();
    for (const s of usable)
      for (const b of s.sheet.ballots)
        for (const e of b.entries) {
          const key = persons.key(e.person, e.unit);
          const p = onBallots.get(key) ?? { person: e.person, unit: persons.unitOf(e.person, e.unit), valid: 0 };
          if (e.marks.some((m) => m.state === 'valid')) p.valid++;
          onBallots.set(key, p);
        }
    for (const [key, p] of onBallots) {
      if (seen.has(key) || p.valid === 0) continue;
      issue(tally.nameHeader, 'ballot.tally-mismatch', null, { ...who(p.person, p.unit), missing: 1, expected: p.valid }, null);
    }
  }
}
