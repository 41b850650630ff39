/**
 * The built command line (bin/ledgercheck.js → lib/ledgercheck.js, a child process: what users run)
 * answers exactly as the in-process one (src/cli/main.ts through ts-jest: what the other tests run)
 * on every workbook we have: same exit code, same standard output (console text, --json -), same
 * standard error (word for word: a damaged file's reason too), same written report and copy. The
 * two may come to read .xlsx differently (a worker thread in the built one); this is what holds
 * them to one answer. Needs a fresh bundle: `npm test` builds it (npm run build:cli) before jest.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { book, bookParts, Part, sheetXml, sstXml, twoTownships, zipParts } from '../hostile/packages';
import { aidRows } from '../helpers/grid';
import { writeAidLedger } from '../../bench/generate';
import { writeBigLedger } from '../../scripts/big-ledger';
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
  /** How the built side chooses its reader (every sheet on the second thread unless said). */
  reader?: 'worker' | 'as-users-run-it';
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
        const run = slots.run(() => runBuilt(c.argv, c.reader));
        run.catch(() => undefined); // its test awaits it; not an unhandled rejection meanwhile
        built.set(c, run);
      }
    });
    afterAll(() => Promise.allSettled(built.values()));

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const child = await built.get(c)!;
      const inProcess = await runInProcess(c.argv);
      expect(c.codes).toContain(inProcess.code);
      // A written copy opens and carries its run time (masked on both sides): the mask hides no other difference.
      for (const out of Object.values(inProcess.outputs)) if ('sheets' in out) expect(JSON.stringify(out.sheets)).toContain('〈检查时间〉');
      // Expected: the in-process command (src); received: the built one. Exit code and standard
      // error first: when they differ, the long outputs' diff would only bury the reason.
      expect({ code: child.code, stderr: child.stderr }).toEqual({ code: inProcess.code, stderr: inProcess.stderr });
      expect(child.stdout).toEqual(inProcess.stdout);
      expect(child.outputs).toEqual(inProcess.outputs);
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

// Damaged and unusual packages, built as tests/hostile builds them (tests/hostile/packages.ts):
// the built side's reader must fail or succeed as the in-process one does, with the same words.
const HOSTILE = join(WORK, 'hostile');
const WINDOW = ['--window', '2017-01-09..2017-01-22', '--as-of', '2017-07-15'];
const replace = (name: string, data: Part['data']) => (parts: Part[]) => parts.map((p) => (p.name === name ? { ...p, data } : p));
const partText = (i: number) => bookParts(twoTownships())[i].data.toString();
const withSheet2 = (xml: string): Buffer => book({ ...twoTownships(), edit: replace('xl/worksheets/sheet2.xml', xml) });
const oneSheet = (xml: string): Buffer => book({ sheets: [{ name: '甲', xml }] });
/** A sheet whose XML repeats one cell until it is 100 MB: about 1,000:1 deflated (a zip bomb). */
function bombSheet(): Buffer {
  const cell = Buffer.from('<c r="A1"><v>1</v></c>'.repeat(4096));
  const head = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">');
  return Buffer.concat([head, ...Array.from({ length: Math.ceil((100 << 20) / cell.length) }, () => cell), Buffer.from('</row></sheetData></worksheet>')]);
}
/** The first sheet deflated by hand with one byte of its deflate stream changed. */
function flippedDeflate(): Buffer {
  const raw = Buffer.from(sheetXml(aidRows()), 'utf8');
  const body = deflateRawSync(raw);
  body[Math.floor(body.length / 2)] ^= 0x5a;
  return zipParts(bookParts({ ...twoTownships(), edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, deflated: { body, size: raw.length, crc: crc32(raw) } } : p)) }));
}
/** The first sheet stored (not deflated) with one digit changed after its CRC was computed. */
function storedBadCrc(): Buffer {
  const zip = zipParts(bookParts({ ...twoTownships(), edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, stored: true } : p)) }));
  const at = zip.indexOf('<v>500</v>');
  zip[at + 3] = '7'.charCodeAt(0);
  return zip;
}
/** A sheet whose one text cell holds bytes that are not UTF-8. */
function notUtf8(): Buffer {
  const xml = Buffer.from(sheetXml(aidRows()).replace('王秀英', '@@@'), 'utf8');
  xml.set([0xff, 0xfe, 0xc3], xml.indexOf('@@@'));
  return book({ sheets: [{ name: '甲', xml: '' }], edit: replace('xl/worksheets/sheet1.xml', xml) });
}
const inlineText = (wrap: (s: string) => string) => (x: string) => x.replace(/<t>([^<]*)<\/t>/, (_m, s: string) => `<t>${wrap(s)}</t>`);
const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);

const HOSTILE_INPUTS: Array<[string, number, () => Buffer]> = [
  ['intact, inline strings', 0, () => book(twoTownships())],
  ['intact, shared strings, Strict OOXML', 0, () => book(twoTownships({ strict: true, shared: true }))],
  ['& < > and quotes in names (entities)', 0, () => oneSheet(sheetXml(aidRows((rows) => ((rows[2][3] = '王&秀<英>'), (rows[3][2] = '王庄村"东"\'组\'')))))],
  ['every character a numeric character reference', 0, () => oneSheet(sheetXml(aidRows(), { cell: inlineText((s) => [...s].map((c, k) => (k % 2 ? `&#${c.codePointAt(0)};` : `&#x${c.codePointAt(0)!.toString(16)};`)).join('')) }))],
  ['CDATA in shared strings', 0, () => {
    const strings: string[] = [];
    return book({ sheets: [{ name: '甲', xml: sheetXml(aidRows(), { strings }) }], sst: sstXml(strings, undefined, (s) => `<![CDATA[${s}]]>`) });
  }],
  ['UTF-16 parts with a byte-order mark', 0, () => {
    const strings: string[] = [];
    return book({ sheets: [{ name: '甲', xml: sheetXml(aidRows(), { strings }) }], sst: sstXml(strings), edit: (parts) => parts.map((p) => (p.name.endsWith('.xml') && p.name !== '[Content_Types].xml' ? { ...p, data: utf16(p.data.toString()) } : p)) });
  }],
  ['comments, processing instructions and CRLF line ends', 0, () => oneSheet(sheetXml(aidRows()).replace('<sheetData>', '<!-- 导出 --><sheetData>').replace(/<\/row>/g, '</row>\r\n<?pi x?>'))],
  ['a sheet part missing', 2, () => book({ ...twoTownships(), edit: (parts) => parts.filter((p) => p.name !== 'xl/worksheets/sheet2.xml') })],
  ['a sheet relationship missing', 2, () => book({ ...twoTownships(), edit: replace('xl/workbook.xml', partText(2).replace('r:id="rId2"', 'r:id="rId99"')) })],
  ['a sheet pointing outside the file', 2, () => book({ ...twoTownships(), edit: replace('xl/_rels/workbook.xml.rels', partText(3).replace('Target="worksheets/sheet2.xml"', 'Target="file:///etc/passwd" TargetMode="External"')) })],
  ['a sheet part that is not XML', 2, () => book({ ...twoTownships(), edit: replace('xl/worksheets/sheet2.xml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe])) })],
  ['a sheet part cut short', 2, () => withSheet2(sheetXml(aidRows()).slice(0, 700))],
  ['a sheet part of another kind of XML', 2, () => withSheet2('<?xml version="1.0"?><html><body>台账</body></html>')],
  ['a sheet part without sheetData', 2, () => withSheet2('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')],
  ['the shared-strings part missing', 2, () => book({ ...twoTownships({ shared: true }), edit: (parts) => parts.filter((p) => p.name !== 'xl/sharedStrings.xml') })],
  ['an undefined entity', 2, () => oneSheet(sheetXml(aidRows()).replace('王秀英', '&wang;'))],
  ['a DTD', 2, () => oneSheet(sheetXml(aidRows()).replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "b">]><worksheet'))],
  ['text that is not UTF-8', 2, notUtf8],
  ['a row past 1,048,576', 2, () => oneSheet(sheetXml(aidRows()).replace('</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'))],
  ['a column reference like ZZZZZZ', 2, () => oneSheet(sheetXml(aidRows()).replace('</sheetData>', '<row r="9"><c r="ZZZZZZ9"><v>1</v></c></row></sheetData>'))],
  ['a row number of 40 digits', 2, () => oneSheet(sheetXml(aidRows()).replace('</sheetData>', `<row r="${'9'.repeat(40)}"><c><v>1</v></c></row></sheetData>`))],
  ['a zip bomb sheet (100 MB at 1,000:1)', 2, () => zipParts(bookParts({ sheets: [{ name: '甲', xml: '' }], edit: replace('xl/worksheets/sheet1.xml', bombSheet()) }))],
  ['a part declaring 3 GB', 2, () => zipParts(bookParts({ sheets: [{ name: '甲', xml: sheetXml(aidRows()) }], edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 3 * 1024 ** 3 } : p)) }))],
  ['a part inflating past the size it declares', 2, () => zipParts(bookParts({ sheets: [{ name: '甲', xml: sheetXml(aidRows()) }], edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 100 } : p)) }))],
  ['a byte changed inside a deflated sheet', 2, flippedDeflate],
  ['a stored sheet whose bytes no longer match its CRC', 2, storedBadCrc],
  ['the zip cut 7 bytes short', 2, () => book(twoTownships()).subarray(0, -7)],
  ['the zip cut in half', 2, () => { const b = book(twoTownships()); return b.subarray(0, b.length >> 1); }],
  ['a text file named .xlsx', 2, () => Buffer.from('序号,户主姓名\n1,王秀英\n')],
  ['an empty file', 2, () => Buffer.alloc(0)],
];
const hostileFile = (label: string) => join(HOSTILE, `${HOSTILE_INPUTS.findIndex(([l]) => l === label)}.xlsx`);
describeSame(
  'damaged and unusual packages (built as tests/hostile builds them)',
  [
    ...HOSTILE_INPUTS.map(([label, code]) => consoleAndReport(label, [hostileFile(label)], WINDOW, [code])),
    consoleAndReport('a folder named .xlsx', [join(HOSTILE, 'folder.xlsx')], WINDOW, [2]),
    consoleAndReport('a file that does not exist', [join(HOSTILE, '没有这个文件.xlsx')], WINDOW, [2]),
    consoleAndReport('a good file after a damaged one', [hostileFile('a sheet part cut short'), join(SAMPLES, '东昌府区帮扶救助台账-2017春节.xlsx')], WINDOW, [2]),
  ],
  () => {
    mkdirSync(join(HOSTILE, 'folder.xlsx'), { recursive: true });
    for (const [label, , make] of HOSTILE_INPUTS) writeFileSync(hostileFile(label), make());
  },
);

const DONGCHANGFU = join(SAMPLES, '东昌府区帮扶救助台账-2017春节.xlsx');
const YANGGU = join(SAMPLES, '阳谷县帮扶救助台账-2017春节.xlsx');
/** Three correct aid ledgers of the layout corpus's 2017 campaign (one window), as a city checks them together. */
const CAMPAIGN = LAYOUTS.workbooks.filter((w) => w.correct && w.aid && w.args.join(' ') === WINDOW.slice(0, 2).join(' ')).slice(0, 3);
const LINKED = join(WORK, '东昌府区-链接.xlsx');
describeSame(
  'several files in one run',
  [
    consoleAndReport('two county samples consolidated', [DONGCHANGFU, YANGGU], ['--config', SAMPLE_SETTINGS], [0, 1]),
    reportOnStdout('two county samples consolidated', [DONGCHANGFU, YANGGU], ['--config', SAMPLE_SETTINGS], [0, 1]),
    consoleAndReport(`three corpus ledgers consolidated (${CAMPAIGN.map((w) => w.file).join(', ')})`, CAMPAIGN.map((w) => join(LAYOUTS.dir, w.file)), WINDOW, [0, 1]),
    consoleAndReport('the same file named twice', [DONGCHANGFU, DONGCHANGFU], ['--config', SAMPLE_SETTINGS], [0, 1]),
    consoleAndReport('the same file through a link', [DONGCHANGFU, LINKED, YANGGU], ['--config', SAMPLE_SETTINGS], [0, 1]),
  ],
  () => symlinkSync(DONGCHANGFU, LINKED),
);

const STRICT = join(WORK, 'strict.xlsx');
/** One run writing the checked copy (or, for several files, the new summary workbook) beside the report. */
function withCopy(name: string, files: string[], args: string[]): Case {
  const c = consoleAndReport(name, files, args, [0, 1]);
  return { ...c, name: `${name} — --out copy, console and --json file`, argv: [...c.argv, '--out', join(folder(), '检查副本.xlsx')] };
}
describeSame('the written copy (--out): opens, same sheets and cells (the run time aside)', [
  withCopy('aid sample', [DONGCHANGFU], ['--config', SAMPLE_SETTINGS]),
  withCopy('responsibility sample', [join(SAMPLES, '创城目标任务分解表-2017.xlsx')], []),
  withCopy('ballot sample', [join(SAMPLES, '党组织书记述职评议测评-2017.xlsx')], []),
  withCopy('two county samples consolidated', [DONGCHANGFU, YANGGU], ['--config', SAMPLE_SETTINGS]),
  withCopy(`openpyxl package (${LAYOUTS.workbooks[0].file})`, [join(LAYOUTS.dir, LAYOUTS.workbooks[0].file)], LAYOUTS.workbooks[0].args),
  withCopy('Strict OOXML package', [STRICT], WINDOW),
], () => writeFileSync(STRICT, book(twoTownships({ strict: true, shared: true }))));

// Big ledgers written here (never committed). Each sheet part is megabytes, so rows, strings and
// character references cross the 1 MiB inflate chunks; tabs of 10,000 rows are read by the second
// thread in more than one block of rows (8,192), their shared strings looked up by index on the
// main thread; ten tabs keep that thread reading ahead while the main one checks.
const BIG = join(WORK, 'big');
const BIG_TEN_TABS = join(BIG, '3万户-10个乡镇-共享字符串.xlsx');
const BIG_TWO_TABS = join(BIG, '2万户-2个乡镇-共享字符串.xlsx');
const BIG_INLINE = join(BIG, '3万户-3个乡镇-内联字符串-字符引用.xlsx');
describeSame(
  'big multi-tab ledgers (20,000 to 30,000 households, 3,000 to 10,000 a tab)',
  [
    consoleAndReport('30,000 over 10 tabs, shared strings (exceljs, as Excel writes them)', [BIG_TEN_TABS], WINDOW, [0, 1]),
    { ...reportOnStdout('30,000 over 10 tabs, shared strings, the reader the command line picks itself', [BIG_TEN_TABS], WINDOW, [0, 1]), reader: 'as-users-run-it' },
    consoleAndReport('20,000 over 2 tabs of 10,000 rows, shared strings', [BIG_TWO_TABS], WINDOW, [0, 1]),
    consoleAndReport('30,000 over 3 tabs of 10,000 rows, inline strings, every non-ASCII character a reference (as openpyxl writes text)', [BIG_INLINE], WINDOW, [0, 1]),
  ],
  async () => {
    mkdirSync(BIG);
    await writeAidLedger(BIG_TEN_TABS, 30_000, 10, true);
    await writeAidLedger(BIG_TWO_TABS, 20_000, 2, true);
    writeBigLedger(BIG_INLINE, 30_000, { tabs: 3, charRefs: true, remark: '已入户走访，慰问金和慰问品已当面发放到户主本人并签字确认 & 复核' });
  },
);
