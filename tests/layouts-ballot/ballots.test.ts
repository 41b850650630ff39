/**
 * The ballot corpus (issue 12) as openpyxl, xlsxwriter and pandas write it: the engine must read the
 * ballots offices type, find the planted mistakes at their cells and tally as the spec says.
 * See tests/layouts-ballot/README.md for the families and how the expectations are computed.
 */
import { describeCorpus, makeCorpus, RULES } from './corpus';

const CORPUS = makeCorpus();
const CASES = CORPUS.cases;

it('the corpus: at least 16 workbooks as correct / flawed pairs, every ballot rule planted at least twice', () => {
  const files = new Set(CASES.flatMap((c) => c.files));
  expect(files.size).toBeGreaterThanOrEqual(16);
  // a tally alone has no ballot rule to break, hence no twin
  const pairs = (correct: boolean) =>
    CASES.filter((c) => c.correct === correct && !c.single)
      .map((c) => c.pair)
      .sort();
  expect(pairs(false)).toEqual(pairs(true));
  const planted = Object.fromEntries(RULES.map((r) => [r, CASES.flatMap((c) => c.findings).filter((f) => f.rule === r).length]));
  expect(Object.entries(planted).filter(([, n]) => n < 2)).toEqual([]);
  for (const c of CASES) expect([c.name, c.correct ? c.findings.length === 0 : c.findings.length > 0]).toEqual([c.name, true]);
  // one workbook with 12+ persons and 40+ ballots
  expect(CASES.some((c) => c.ballot && c.ballot.persons.length >= 12 && c.ballot.cast >= 40)).toBe(true);
});

describeCorpus('', () => CORPUS, CASES);
