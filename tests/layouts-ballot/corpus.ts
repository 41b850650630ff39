/**
 * The ballot corpus (issue 12), shared by the tests that read it: ticked grids, entry sheets and
 * office tallies of 述职评议 / 民主测评 / 群众评议 written by make_ballots.py (openpyxl, xlsxwriter,
 * pandas), each as a correct version and a flawed twin, with expectations computed there from its
 * own data by the rules of the ballot spec, never from the engine. See README.md beside this file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { cli, tempDir } from '../helpers/cli';

export const RULES = ['ballot.multiple-marks', 'ballot.blank-item', 'ballot.blank', 'ballot.invalid-mark', 'ballot.count-exceeds', 'ballot.person-missing', 'ballot.tally-mismatch'];

const Counts = z.record(z.string(), z.record(z.string(), z.number()));
const Person = z.object({
  person: z.string(),
  unit: z.string().nullable(),
  ballots: z.number(),
  counts: Counts,
  goodRate: z.number().nullable(),
  goodOrBetterRate: z.number().nullable(),
  grade: z.string().nullable(),
  rank: z.number().nullable(),
  interview: z.boolean(),
  downItems: z.array(z.string()).nullable(),
});
const Group = z.object({
  name: z.string(),
  weight: z.number(),
  ballots: z.number(),
});
const Tally = z.object({
  items: z.array(z.string()),
  choices: z.array(z.string()),
  gradeItem: z.string().nullable(),
  present: z.number().nullable(),
  cast: z.number(),
  blank: z.number(),
  groups: z.array(Group).nullable(),
  persons: z.array(Person),
});
const Planted = z.object({
  rule: z.string(),
  file: z.string(),
  sheet: z.string(),
  /** Other sheets the finding may be on, where the spec does not say which (a file of one ballot per sheet). */
  sheets: z.array(z.string()),
  cells: z.array(z.string()).min(1),
  note: z.string(),
  mentions: z.array(z.string()),
  severity: z.string(),
});
const Case = z.object({
  name: z.string(),
  pair: z.string(),
  family: z.array(z.string()),
  correct: z.boolean(),
  files: z.array(z.string()).min(1),
  settingsFile: z.string().optional(),
  ballot: Tally.nullable(),
  findings: z.array(Planted),
  /** Tally fields the spec leaves open for this case (a tally alone: how many ballots it stands for). */
  skip: z.array(z.enum(['cast', 'blank', 'ballots'])),
  /** A correct workbook without a flawed twin (a tally alone has no ballot rule to break). */
  single: z.boolean(),
});
export type Case = z.infer<typeof Case>;

/** What this test reads of the engine's JSON report (the engine's own schema may grow around it). */
const Finding = z.object({
  rule: z.string(),
  severity: z.string(),
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  message: z.string(),
  hint: z.string(),
});
const Report = z.object({
  findings: z.array(Finding),
  summary: z.object({ ready: z.boolean(), status: z.string(), verdict: z.string() }),
  ballot: Tally.partial({ groups: true }).passthrough().nullable().optional(),
});
type Report = z.infer<typeof Report> & { exitCode?: number };
type Found = z.infer<typeof Finding>;

export interface Corpus {
  dir: string;
  cases: Case[];
}

/** Runs the generator with Debian's python (openpyxl, xlsxwriter, pandas; the pyenv one has none). */
export function makeCorpus(): Corpus {
  const dir = tempDir();
  execFileSync('/usr/bin/python3', [join(__dirname, 'make_ballots.py'), dir], {
    stdio: 'pipe',
  });
  return {
    dir,
    cases: z.object({ cases: z.array(Case) }).parse(JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8'))).cases,
  };
}

/** The same workbooks opened and saved again by LibreOffice Calc: another producer's XML, same cells. */
export function resavedByLibreOffice(corpus: Corpus): Corpus {
  const dir = tempDir();
  const files = [...new Set(corpus.cases.flatMap((c) => c.files))];
  const profile = `file://${join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, ...files.map((f) => join(corpus.dir, f))], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const made = new Set(readdirSync(dir));
  const missing = files.filter((f) => !made.has(f));
  if (missing.length > 0) throw new Error(`LibreOffice did not convert ${missing.join(', ')}`);
  for (const c of corpus.cases) if (c.settingsFile) copyFileSync(join(corpus.dir, c.settingsFile), join(dir, c.settingsFile));
  return { dir, cases: corpus.cases };
}

const shown = (f: Found) => `${f.severity} ${f.rule} ${basename(f.file)} ${f.sheet}!${f.cell} — ${f.message}`;

async function check(dir: string, c: Case): Promise<Report & { exitCode: number }> {
  const json = join(dir, `${c.name}.report.json`);
  const settings = c.settingsFile ? ['-c', join(dir, c.settingsFile)] : [];
  const r = await cli('check', ...c.files.map((f) => join(dir, f)), '--json', json, ...settings);
  // Exit 2 still writes the report when the run was read but judged unusable (no table): the test
  // below says so; an unreadable run (no report) is thrown.
  if (r.code > 2 || !existsSync(json)) throw new Error(`exit ${r.code} on ${c.name}: ${r.stderr}`);
  return { ...Report.parse(JSON.parse(readFileSync(json, 'utf8'))), exitCode: r.code };
}

/** Each choice's count, zeros included: an engine may leave a zero out. */
function fullCounts(counts: Record<string, Record<string, number>>, items: string[], choices: string[]): Record<string, Record<string, number>> {
  return Object.fromEntries(items.map((it) => [it, Object.fromEntries(choices.map((ch) => [ch, counts[it]?.[ch] ?? 0]))]));
}

/** Names as an office reads them: 王　伟 padded to line up is 王伟, 总体\n评价 on two lines is 总体评价. */
const bare = (s: string) => s.replace(/\s+/g, '');
type Got = NonNullable<z.infer<typeof Report>['ballot']>;
function bareNames(t: Got): Got {
  const keys = <V>(r: Record<string, V>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [bare(k), v]));
  return {
    ...t,
    items: t.items.map(bare),
    gradeItem: t.gradeItem === null ? null : bare(t.gradeItem),
    persons: t.persons.map((p) => ({ ...p, person: bare(p.person), unit: p.unit === null ? null : bare(p.unit), counts: keys(p.counts), downItems: p.downItems?.map(bare) ?? null })),
  };
}

/** Differences between the engine's tally and the spec's, one line each (rates to 1e-9). */
function tallyDiff(report: z.infer<typeof Report>['ballot'], want: z.infer<typeof Tally>, skip: string[]): string[] {
  if (!report) return ['no ballot tally in the report'];
  const got = bareNames(report);
  const out: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${what}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
  };
  same('items', got.items, want.items);
  same('choices', got.choices, want.choices);
  same('gradeItem', got.gradeItem, want.gradeItem);
  same('present', got.present, want.present);
  if (!skip.includes('cast')) same('cast', got.cast, want.cast);
  if (!skip.includes('blank')) same('blank', got.blank, want.blank);
  if (want.groups) same('groups', got.groups, want.groups);
  same(
    'persons (in rank order)',
    got.persons.map((p) => `${p.person}/${p.unit ?? ''}`),
    want.persons.map((p) => `${p.person}/${p.unit ?? ''}`),
  );
  const rate = (what: string, a: number | null, b: number | null) => {
    if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9) out.push(`${what}: got ${a}, want ${b}`);
  };
  for (const w of want.persons) {
    const who = `${w.person}/${w.unit ?? ''}`;
    const g = got.persons.find((p) => p.person === w.person && (p.unit ?? '') === (w.unit ?? ''));
    if (!g) continue;
    if (!skip.includes('ballots')) same(`${who} ballots`, g.ballots, w.ballots);
    same(`${who} counts`, fullCounts(g.counts, want.items, want.choices), fullCounts(w.counts, want.items, want.choices));
    rate(`${who} goodRate`, g.goodRate, w.goodRate);
    rate(`${who} goodOrBetterRate`, g.goodOrBetterRate, w.goodOrBetterRate);
    same(`${who} grade`, g.grade, w.grade);
    same(`${who} rank`, g.rank, w.rank);
    same(`${who} interview`, g.interview, w.interview);
    // The items that pulled an interviewed person down. The grade item itself is left out on both
    // sides: the spec's rule lists it whenever the person is interviewed, an office may not.
    if (w.interview) {
      const items = (xs: string[] | null) => (xs ?? []).filter((x) => x !== want.gradeItem);
      same(`${who} downItems`, items(g.downItems), items(w.downItems));
    }
  }
  return out;
}

/**
 * One describe per case, named by its families. Correct: no error and no warning. Flawed: every
 * planted mistake once at its cell, nothing else. Both: the tally as the spec computes it.
 */
export function describeCorpus(label: string, corpus: () => Corpus, cases: Case[]): void {
  describe.each(cases.map((c) => [`${label}[${c.family.join(' + ')}] ${c.name}`, c] as const))('%s', (_name, c) => {
    let report: Report;
    beforeAll(async () => {
      report = await check(corpus().dir, c);
    });

    if (c.correct) {
      it('correct workbook: read as ballots, ready to hand in (exit 0)', () => {
        expect([report.exitCode, report.summary.status, report.summary.verdict]).toEqual([0, 'ready', expect.any(String)]);
      });
      it('correct workbook: no error and no warning', () => {
        expect(report.findings.filter((f) => f.severity !== 'info').map(shown)).toEqual([]);
      });
    } else {
      it('flawed twin: read as ballots (exit 0 or 1, not "no table")', () => {
        expect([report.exitCode, report.summary.status]).toEqual([report.findings.some((f) => f.severity === 'error') ? 1 : 0, expect.stringMatching(/^(ready|errors)$/)]);
      });
      it('flawed twin: every planted mistake found at its cell, with its severity, naming the person and the item (or the two counts)', () => {
        const used = new Set<Found>();
        const problems = c.findings.flatMap((p) => {
          const where = `${p.rule} ${p.file} ${p.sheet}!${p.cells.join('|')} (${p.note})`;
          const at = report.findings.find((f) => !used.has(f) && f.rule === p.rule && basename(f.file) === p.file && (f.sheet === p.sheet || p.sheets.includes(f.sheet)) && p.cells.includes(f.cell));
          if (!at) return [`not found: ${where}`];
          used.add(at);
          const said = bare(`${at.message} ${at.hint}`);
          return [
            ...(at.severity === p.severity ? [] : [`severity ${at.severity}, the spec says ${p.severity}: ${where}`]),
            ...p.mentions.filter((m) => !said.includes(m)).map((m) => `found, but its message does not name “${m}”: ${where} — ${said}`),
          ];
        });
        expect(problems).toEqual([]);
      });
      it('flawed twin: no error or warning beyond the planted ones', () => {
        // One finding per planted mistake: a second one at the same cell is extra too.
        const pool = [...c.findings];
        const extra = report.findings.filter((f) => {
          if (f.severity === 'info') return false;
          const i = pool.findIndex((p) => p.rule === f.rule && p.file === basename(f.file) && (f.sheet === p.sheet || p.sheets.includes(f.sheet)) && p.cells.includes(f.cell));
          if (i < 0) return true;
          pool.splice(i, 1);
          return false;
        });
        expect(extra.map(shown)).toEqual([]);
      });
    }

    if (c.ballot) {
      const want = c.ballot;
      it(`tally: counts, ballots, rates, grade, rank, interview per person (${want.persons.length} persons, ${want.cast} ballots)`, () => {
        expect(tallyDiff(report.ballot, want, c.skip)).toEqual([]);
      });
    }
  });
}
