/**
 * The built command line (bin/ledgercheck.js → lib/ledgercheck.js, a child process: what users run)
 * answers exactly as the in-process one (src/cli/main.ts through ts-jest: what the other tests run)
 * on every workbook we have: same exit code, same standard output (console text, --json -), same
 * standard error (word for word: a damaged file's reason too), same written report and copy. The
 * two may come to read .xlsx differently (a worker thread in the built one); this is what holds
 * them to one answer. Needs a fresh bundle: `npm test` builds it (npm run build:cli) before jest.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus as makeLayouts } from '../layouts/corpus';
import { makeCorpus as makeBallots } from '../layouts-ballot/corpus';
import { Outcome, runBuilt, runInProcess, Slots, staleBundle } from '../helpers/built-cli';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const SAMPLE_SETTINGS = join(SAMPLES, '帮扶检查设置.json');
const WORK = mkdtempSync(join(tmpdir(), 'ledgercheck-same-'));
/** Child processes at a time: the machine has two cores, and this process runs the other side. */
const slots = new Slots(2);

interface Case {
  name: string;
  argv: string[];
  /** Exit codes the case is meant to end with: a run that failed for another reason is not a comparison. */
  codes: number[];
}

let folders = 0;
/** A folder of its own per case: its outputs are written there by one side, read, removed, then by the other. */
function folder(): string {
  const dir = join(WORK, String(++folders));
  mkdirSync(dir);
  return dir;
}

/** The as-of date both sides are given unless the case names one (the child's calendar cannot be fixed). */
const asOf = (args: string[]) => (args.includes('--as-of') ? args : [...args, '--as-of', '2017-07-15']);

/** One run for the console text in Chinese and the JSON report written to a file. */
function consoleAndReport(name: string, files: string[], args: string[], codes: number[]): Case {
  return { name: `${name} — console (--lang zh) and --json file`, argv: ['check', ...files, ...asOf(args), '--lang', 'zh', '--json', join(folder(), 'report.json')], codes };
}

/** One run with the JSON report on standard output. */
function reportOnStdout(name: string, files: string[], args: string[], codes: number[]): Case {
  return { name: `${name} — --json -`, argv: ['check', ...files, ...asOf(args), '--json', '-'], codes };
}

/**
 * One describe per group: its children start in beforeAll, two at a time, while each test runs
 * its case in-process once its child has finished, and compares.
 */
function describeSame(title: string, cases: Case[], prepare?: () => Promise<void> | void): void {
  describe(title, () => {
    const built = new Map<Case, Promise<Outcome>>();
    beforeAll(async () => {
      await prepare?.();
      for (const c of cases) {
        const run = slots.run(() => runBuilt(c.argv));
        run.catch(() => undefined); // its test awaits it; not an unhandled rejection meanwhile
        built.set(c, run);
      }
    });
    afterAll(() => Promise.allSettled(built.values()));

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const child = await built.get(c)!;
      const inProcess = await runInProcess(c.argv);
      expect(c.codes).toContain(inProcess.code);
      // Expected: the in-process command (src); received: the built one.
      expect(child).toEqual(inProcess);
    });
  });
}

beforeAll(() => {
  const stale = staleBundle();
  if (stale) throw new Error(`the built command line is not the code under test: ${stale}. Run \`npm run build:cli\` (npm test does) first.`);
});

/** Folders this file made, removed at the end. */
const made = [WORK];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const SAMPLE_FILES: Array<[string, string[]]> = [
  ['东昌府区帮扶救助台账-2017春节.xlsx', ['--config', SAMPLE_SETTINGS]],
  ['阳谷县帮扶救助台账-2017春节.xlsx', ['--config', SAMPLE_SETTINGS]],
  ['创城目标任务分解表-2017.xlsx', []],
  ['党组织书记述职评议测评-2017.xlsx', []],
  ['村党组织书记群众评议录入表-2017.xlsx', []],
];
describeSame(
  'samples (assets/samples)',
  SAMPLE_FILES.flatMap(([file, args]) => [consoleAndReport(file, [join(SAMPLES, file)], args, [0, 1]), reportOnStdout(file, [join(SAMPLES, file)], args, [0, 1])]),
);

const LAYOUTS = makeLayouts();
made.push(LAYOUTS.dir);
describeSame(
  'layout corpus (tests/layouts, written by openpyxl)',
  LAYOUTS.workbooks.map((w) => consoleAndReport(`[${w.family.join(' + ')}] ${w.file}`, [join(LAYOUTS.dir, w.file)], w.args, [0, 1])),
);

const BALLOTS = makeBallots();
made.push(BALLOTS.dir);
describeSame(
  'ballot corpus (tests/layouts-ballot, written by openpyxl, xlsxwriter, pandas)',
  BALLOTS.cases.map((c) =>
    consoleAndReport(
      `[${c.family.join(' + ')}] ${c.name}`,
      c.files.map((f) => join(BALLOTS.dir, f)),
      c.settingsFile ? ['-c', join(BALLOTS.dir, c.settingsFile)] : [],
      [0, 1, 2],
    ),
  ),
);
