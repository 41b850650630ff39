/**
 * The layout corpus (issue 8), shared by the tests that read it: written at test time by an
 * independent writer (openpyxl, tests/layouts/make_corpus.py), each workbook as a correct version
 * and a flawed twin, with expectations.json computed by the generator from its own data.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Report, ReportSchema } from '../../src/core/report';
import { cli, tempDir } from '../helpers/cli';

export const Totals = z.object({ households: z.number(), persons: z.number(), cash: z.number(), goods: z.number(), amount: z.number() });
export type Totals = z.infer<typeof Totals>;
const Planted = z.object({
  rule: z.array(z.string()).min(1),
  sheet: z.string(),
  cells: z.array(z.string()).min(1),
  note: z.string(),
  /** Texts the finding's message + hint must contain (e.g. the amount a text means, in 元). */
  mentions: z.array(z.string()).default([]),
  /** The hint must contain one of these (e.g. that Excel's SUM skipped the text). */
  hintAny: z.array(z.string()).default([]),
});
const Allowed = z.object({ sheet: z.string(), cell: z.string(), note: z.string() });
const Unit = z.object({ unit: z.string() }).catchall(z.union([z.number(), z.string(), z.boolean(), z.null()]));
export const Expectation = z.object({
  file: z.string(),
  family: z.array(z.string()).min(1),
  kind: z.enum(['aid', 'responsibility']),
  correct: z.boolean(),
  args: z.array(z.string()),
  aid: z
    .object({
      total: Totals,
      byCounty: z.array(Totals.extend({ county: z.string() })),
      byTownship: z.array(Totals.extend({ county: z.string(), township: z.string() })),
    })
    .optional(),
  responsibility: z.object({ units: z.array(Unit), fields: z.array(z.string()) }).optional(),
  /** sheet → words its detection (report `files[].sheets[].reason`, the console's line) must name. */
  detect: z.record(z.string(), z.array(z.string())),
  planted: z.array(Planted),
  allowed: z.array(Allowed),
});
export type Expectation = z.infer<typeof Expectation>;

export interface Corpus {
  dir: string;
  workbooks: Expectation[];
}

/** Runs the generator (Debian's python has openpyxl; the pyenv one on PATH does not). */
export function makeCorpus(): Corpus {
  const dir = tempDir();
  execFileSync('/usr/bin/python3', [join(__dirname, 'make_corpus.py'), dir], { stdio: 'pipe' });
  const workbooks = z.object({ workbooks: z.array(Expectation) }).parse(JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8'))).workbooks;
  return { dir, workbooks };
}

/** The same workbooks opened and saved again by LibreOffice Calc: a third producer's XML. */
export function resavedByLibreOffice(corpus: Corpus): Corpus {
  const dir = tempDir();
  const profile = `file://${join(dir, 'lo-profile')}`;
  const files = corpus.workbooks.map((w) => join(corpus.dir, w.file));
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 300_000 });
  const made = new Set(readdirSync(dir));
  const missing = corpus.workbooks.filter((w) => !made.has(w.file)).map((w) => w.file);
  if (missing.length > 0) throw new Error(`LibreOffice did not convert ${missing.join(', ')}`);
  copyFileSync(join(corpus.dir, 'expectations.json'), join(dir, 'expectations.json'));
  return { dir, workbooks: corpus.workbooks };
}

export const MONEY_KEYS = ['households', 'persons', 'cash', 'goods', 'amount'] as const;
const round = (x: unknown, d: number): unknown => (typeof x === 'number' ? Math.round(x * 10 ** d) / 10 ** d : x);
/** The five totals, rounded to the fen, from a report group or an expectation. */
export const pickTotals = (t: Totals): Record<string, unknown> => Object.fromEntries(MONEY_KEYS.map((k) => [k, round(t[k], 2)]));
export const shown = (f: Report['findings'][number]) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${JSON.stringify(f.value)} — ${f.message}`;

async function check(dir: string, w: Expectation): Promise<Report> {
  const json = join(dir, `${w.file}.report.json`);
  const r = await cli('check', join(dir, w.file), '--json', json, ...w.args);
  if (r.code > 1) throw new Error(`exit ${r.code} on ${w.file}: ${r.stderr}`);
  return ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
}

/**
 * One describe per workbook, named by its layout families. Correct: no error and no warning, the
 * totals / unit scores. Flawed: every planted mistake at its cell, nothing else.
 */
export function describeCorpus(label: string, corpus: () => Corpus, workbooks: Expectation[]): void {
  describe.each(workbooks.map((w) => [`${label}[${w.family.join(' + ')}] ${w.file}`, w] as const))('%s', (_name, w) => {
    let report: Report;
    beforeAll(async () => {
      report = await check(corpus().dir, w);
    });

    if (w.correct) {
      it('correct workbook: no error and no warning (提示 allowed)', () => {
        expect(report.findings.filter((f) => f.severity !== 'info').map(shown)).toEqual([]);
        expect(report.summary.ready).toBe(true);
      });
      const detect = Object.entries(w.detect);
      if (detect.length > 0) {
        it(`the detection line names what it found (${[...new Set(detect.flatMap(([, words]) => words))].join(', ')})`, () => {
          const sheets = report.files.flatMap((f) => f.sheets);
          const lacking = detect.flatMap(([sheet, words]) => {
            const reason = sheets.find((s) => s.name === sheet)?.reason ?? '(sheet not in the report)';
            return words.filter((word) => !reason.includes(word)).map((word) => `${sheet}: “${word}” not named in “${reason}”`);
          });
          expect(lacking).toEqual([]);
        });
      }
    } else {
      it('flawed twin: every planted mistake found at its cell', () => {
        const problems = w.planted.flatMap((p) => {
          const at = report.findings.filter((f) => p.rule.includes(f.rule) && f.sheet === p.sheet && p.cells.includes(f.cell));
          const where = `${p.rule.join('|')} ${p.sheet}!${p.cells.join('|')} (${p.note})`;
          if (at.length === 0) return [`not found: ${where}`];
          const said = (f: Report['findings'][number]) => `${f.message} ${f.hint}`;
          const lacking = p.mentions.filter((m) => !at.some((f) => said(f).includes(m)));
          const hintOk = p.hintAny.length === 0 || at.some((f) => p.hintAny.some((h) => f.hint.includes(h)));
          return [
            ...lacking.map((m) => `found, but its message does not say “${m}”: ${where} — ${at.map(said).join(' / ')}`),
            ...(hintOk ? [] : [`found, but its hint names none of ${p.hintAny.join(', ')}: ${where} — ${at.map((f) => f.hint).join(' / ')}`]),
          ];
        });
        expect(problems).toEqual([]);
      });
      it('flawed twin: no error or warning beyond the planted ones', () => {
        // Another rule at a planted cell, or at a cell the generator names as a consequence of a
        // planted mistake (the 合计 that summed it, the first of two duplicates), is the same mistake.
        const at = new Set([...w.planted.flatMap((p) => p.cells.map((c) => `${p.sheet}!${c}`)), ...w.allowed.map((a) => `${a.sheet}!${a.cell}`)]);
        const extra = report.findings.filter((f) => f.severity !== 'info' && !at.has(`${f.sheet}!${f.cell}`));
        expect(extra.map(shown)).toEqual([]);
      });
    }

    if (w.aid) {
      const aid = w.aid;
      it('aid totals in 元: households, persons, cash, goods, amount', () => {
        expect(report.aid).not.toBeNull();
        expect(pickTotals(report.aid!.total)).toEqual(pickTotals(aid.total));
      });
      it('aid totals per county', () => {
        const got = Object.fromEntries(report.aid!.byCounty.map((c) => [c.county, pickTotals(c)]));
        expect(got).toEqual(Object.fromEntries(aid.byCounty.map((c) => [c.county, pickTotals(c)])));
      });
      it('aid totals per township', () => {
        const got = Object.fromEntries(report.aid!.byTownship.map((t) => [`${t.county} ${t.township}`, pickTotals(t)]));
        expect(got).toEqual(Object.fromEntries(aid.byTownship.map((t) => [`${t.county} ${t.township}`, pickTotals(t)])));
      });
    }

    if (w.responsibility) {
      const resp = w.responsibility;
      it(`unit scores per lead unit (${resp.fields.join(', ')})`, () => {
        expect(report.responsibility).not.toBeNull();
        const view = (u: Record<string, unknown>) => Object.fromEntries([['unit', u.unit], ...resp.fields.map((k) => [k, round(u[k], 4)])]);
        const byUnit = (a: { unit: unknown }, b: { unit: unknown }) => String(a.unit).localeCompare(String(b.unit));
        expect(report.responsibility!.units.map(view).sort(byUnit)).toEqual(resp.units.map(view).sort(byUnit));
      });
    }
  });
}
