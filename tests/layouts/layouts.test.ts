/**
 * The layout corpus (issue 8) as openpyxl writes it: the engine must read real office layouts.
 * See tests/layouts/README.md for the families and how the expectations are computed.
 */
import { describeCorpus, makeCorpus } from './corpus';

const CORPUS = makeCorpus();

it('the corpus has at least 30 workbooks, each correct one with a flawed twin', () => {
  expect(CORPUS.workbooks.length).toBeGreaterThanOrEqual(30);
  const ok = CORPUS.workbooks.filter((w) => w.correct).map((w) => w.file.replace('.ok.xlsx', ''));
  const flawed = CORPUS.workbooks.filter((w) => !w.correct).map((w) => w.file.replace('.flawed.xlsx', ''));
  expect(flawed.sort()).toEqual(ok.sort());
  for (const w of CORPUS.workbooks.filter((x) => !x.correct)) expect([w.file, w.planted.length > 0]).toEqual([w.file, true]);
});

describeCorpus('', () => CORPUS, CORPUS.workbooks);
