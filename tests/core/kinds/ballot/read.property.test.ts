import fc from 'fast-check';
import { Grid } from '../../../../src/core/grid';
import { checkBallots } from '../../../../src/core/kinds/ballot/checks';
import { readBallotSheet } from '../../../../src/core/kinds/ballot/layout';
import { tallyBallots } from '../../../../src/core/kinds/ballot/tally';
import { CellValue } from '../../../../src/core/workbook';
import { ballotSheet, BlockSpec, GRADES, ITEMS, located, settings } from './fixtures';

/** What one item of one person on one ballot holds: a choice, nothing, two ticks, or a stray mark. */
type Cell = { kind: 'choice'; c: number } | { kind: 'blank' } | { kind: 'two'; a: number; b: number } | { kind: 'bad' };
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }).map((c): Cell => ({ kind: 'choice', c })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: 'blank' }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 })).map(([a, d]): Cell => ({ kind: 'two', a, b: Math.min(3, a + d) })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: 'bad' }) },
);
const PEOPLE = ['王伟', '李敏', '张强'];

function cells(c: Cell): CellValue[] {
  const out: CellValue[] = [null, null, null, null];
  if (c.kind === 'choice') out[c.c] = '√';
  if (c.kind === 'two') out[c.a] = out[c.b] = '✓';
  if (c.kind === 'bad') out[0] = '×';
  return out;
}

describe('reading and tallying generated ballots', () => {
  it('counts exactly the valid marks, reports every void, blank and stray item, and counts every ballot cast', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(cellArb, { minLength: ITEMS.length, maxLength: ITEMS.length }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }), { minLength: 1, maxLength: 6 }), (ballots) => {
        const blocks: BlockSpec[] = ballots.map((b) => ({ rows: b.map((items, p) => ({ name: PEOPLE[p], unit: '市人民医院', marks: items.map(cells) })) }));
        const sheets = located([ballotSheet('测评', blocks)]);
        const summary = tallyBallots(sheets, settings()).summary!;
        expect(summary.cast).toBe(ballots.length);
        const blankBallots: Cell[][][] = ballots.filter((b) => b.every((items) => items.every((c) => c.kind === 'blank')));
        expect(summary.blank).toBe(blankBallots.length);
        for (const [p, name] of PEOPLE.entries()) {
          const person = summary.persons.find((x) => x.person === name)!;
          ITEMS.forEach((item, i) => {
            const expected = GRADES.map((_, c) => ballots.filter((b) => b[p][i].kind === 'choice' && (b[p][i] as { c: number }).c === c).length);
            expect(GRADES.map((g) => person.counts[item][g])).toEqual(expected);
          });
          expect(person.ballots).toBe(ballots.filter((b) => b[p].some((c) => c.kind === 'choice')).length);
        }
        const issues = checkBallots(sheets, {});
        const count = (rule: string) => issues.filter((i) => i.rule === rule).length;
        const filled = ballots.filter((b) => !blankBallots.includes(b));
        const all = (kind: Cell['kind']) => filled.reduce((n, b) => n + b.reduce((m, items) => m + (items.every((c) => c.kind === 'blank') ? 0 : items.filter((c) => c.kind === kind).length), 0), 0);
        const wholeRows = filled.reduce((n, b) => n + b.filter((items) => items.every((c) => c.kind === 'blank')).length, 0);
        expect(count('ballot.multiple-marks')).toBe(all('two'));
        expect(count('ballot.invalid-mark')).toBe(all('bad'));
        expect(count('ballot.blank-item')).toBe(all('blank') + wholeRows);
        expect(count('ballot.blank')).toBe(blankBallots.length);
        expect(count('ballot.person-missing')).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on any grid, and never reads a grid without a choice header or 姓名 as ballots', () => {
    const value = fc.oneof(fc.constantFrom<CellValue>('好', '较好', '一般', '差', '√', '姓名', '单位', '票号', '总体评价', 1, 2, null, '实到 3 人', '合计'), fc.string(), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 14 }), (rows) => {
        const s = settings();
        const read = readBallotSheet(new Grid({ name: '表', rows }), { choiceSets: s.choiceSets, gradeItem: s.gradeItem });
        if (read === null) return;
        const hasName = rows.some((r) => r.some((v) => typeof v === 'string' && /姓名/.test(v)));
        expect(hasName).toBe(true);
        // whatever was read can be checked and tallied
        const sheets = [{ file: 'x.xlsx', group: null, sheet: read }];
        expect(() => checkBallots(sheets, {})).not.toThrow();
        expect(() => tallyBallots(sheets, s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
