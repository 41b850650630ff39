/**
 * The layout corpus (issue 8) as openpyxl writes it: the engine must read real office layouts.
 * See tests/layouts/README.md for the families and how the expectations are computed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report, ReportSchema } from '../../src/core/report';
import { cli } from '../helpers/cli';
import { describeCorpus, makeCorpus, MONEY_KEYS, pickTotals, shown, Totals } from './corpus';

const CORPUS = makeCorpus();

it('the corpus has at least 30 workbooks, each correct one with a flawed twin', () => {
  expect(CORPUS.workbooks.length).toBeGreaterThanOrEqual(30);
  const ok = CORPUS.workbooks.filter((w) => w.correct).map((w) => w.file.replace('.ok.xlsx', ''));
  const flawed = CORPUS.workbooks.filter((w) => !w.correct).map((w) => w.file.replace('.flawed.xlsx', ''));
  expect(flawed.sort()).toEqual(ok.sort());
  for (const w of CORPUS.workbooks.filter((x) => !x.correct)) expect([w.file, w.planted.length > 0]).toEqual([w.file, true]);
});

describeCorpus('', () => CORPUS, CORPUS.workbooks);

describe('[consolidation] the correct aid ledgers of the 2017 campaign checked together in one run', () => {
  const ledgers = CORPUS.workbooks.filter((w) => w.correct && w.aid && w.args.join(' ') === '--window 2017-01-09..2017-01-22');
  let report: Report;
  beforeAll(async () => {
    const json = join(CORPUS.dir, 'consolidated.report.json');
    const r = await cli('check', ...ledgers.map((w) => join(CORPUS.dir, w.file)), '--json', json, '--window', '2017-01-09..2017-01-22');
    if (r.code > 1) throw new Error(`exit ${r.code}: ${r.stderr}`);
    report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
  });

  /** The generator's per-file totals added up by key: what the city supervisor's summary must say. */
  function added<T extends Totals>(groups: T[], key: (g: T) => string): Record<string, Record<string, unknown>> {
    const out: Record<string, Totals> = {};
    for (const g of groups) {
      const t = (out[key(g)] ??= { households: 0, persons: 0, cash: 0, goods: 0, amount: 0 });
      for (const k of MONEY_KEYS) t[k] += g[k];
    }
    return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, pickTotals(t)]));
  }

  it('uses at least ten workbooks and finds no error and no warning across them', () => {
    expect(ledgers.length).toBeGreaterThanOrEqual(10);
    expect(report.findings.filter((f) => f.severity !== 'info').map(shown)).toEqual([]);
  });
  it('totals per county add up across the files', () => {
    const got = Object.fromEntries(report.aid!.byCounty.map((c) => [c.county, pickTotals(c)]));
    expect(got).toEqual(added(ledgers.flatMap((w) => w.aid!.byCounty), (c) => c.county));
  });
  it('totals per township add up across the files', () => {
    const got = Object.fromEntries(report.aid!.byTownship.map((t) => [`${t.county} ${t.township}`, pickTotals(t)]));
    expect(got).toEqual(added(ledgers.flatMap((w) => w.aid!.byTownship), (t) => `${t.county} ${t.township}`));
  });
  it('the grand total is the sum of the files', () => {
    expect(pickTotals(report.aid!.total)).toEqual(added(ledgers.map((w) => w.aid!.total), () => 'all').all);
  });
});
