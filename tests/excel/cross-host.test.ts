import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Report } from '../../src/core/report';
import { SettingsInput } from '../../src/core/settings';
import { key, SimWorkbook } from '../../src/excel-sim/state';
import { checkWorkbook } from '../../src/excel/check-workbook';
import { OWNED_NAME } from '../../src/excel/ownership';
import { simFromXlsx } from '../../src/playground/load-workbook';
import { readXlsx } from '../../src/xlsx/read';
import { cli, tempDir } from '../helpers/cli';
import { aidRows, AID_WINDOW, responsibilityRows } from '../helpers/grid';
import { context, options, simBook, tabs } from './helpers';
import { xlsxFromSim } from './save-as-xlsx';

/**
 * One ownership proof for both hosts: a workbook checked in Excel (the strict in-memory host),
 * saved, then checked by the command line, and the reverse. Our tabs are never read as data and
 * are replaced, not doubled; the user's own sheets of the same names are never touched.
 */

interface Fixture {
  kind: string;
  file: string;
  settings: SettingsInput;
  doc: () => Promise<SimWorkbook>;
}

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '党组织书记述职评议测评-2017.xlsx');
const bytesOf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const FIXTURES: Fixture[] = [
  { kind: 'responsibility (检查结果, 责任汇总, 丢分清单, 督办清单)', file: '分解表.xlsx', settings: {}, doc: async () => simBook([{ name: '分解表', rows: responsibilityRows((r) => (r[3][5] = '办公室')) }]) },
  { kind: 'aid ledger (帮扶汇总)', file: '台账.xlsx', settings: AID_WINDOW, doc: async () => simBook([{ name: '侯营镇', rows: aidRows() }]) },
  { kind: 'ballot (测评汇总, 约谈名单)', file: '述职评议.xlsx', settings: {}, doc: () => simFromXlsx(bytesOf(readFileSync(SAMPLE)), '述职评议.xlsx') },
];

/** `ledgercheck check` on a file, with the fixture's settings; the JSON report it wrote. */
async function cliCheck(path: string, settings: SettingsInput, ...more: string[]): Promise<{ code: number; report: Report }> {
  const dir = tempDir();
  const config = join(dir, 'settings.json');
  writeFileSync(config, JSON.stringify(settings));
  const json = join(dir, 'report.json');
  const r = await cli('check', path, '--as-of', '2017-07-15', '-c', config, '--json', json, '--quiet', ...more);
  expect(r.code).toBeLessThan(2);
  return { code: r.code, report: JSON.parse(readFileSync(json, 'utf8')) as Report };
}

/** The report without the list of sheets looked at (which names our tabs as skipped). */
function checked(report: Report) {
  const { files, tool, ...rest } = report;
  void tool;
  return { ...rest, files: files.map((f) => ({ ...f, sheets: f.sheets.filter((s) => s.kind !== 'owned') })) };
}

function writeIn(dir: string, name: string, bytes: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function sheetNames(path: string): Promise<Array<[string, string | null]>> {
  const { pkg } = await readXlsx(new Uint8Array(readFileSync(path)), 'x.xlsx');
  return pkg.sheets.map((s) => [s.name, s.owned]);
}

describe.each(FIXTURES)('one ownership proof across Excel and the command line: $kind', (fx) => {
  it('a workbook checked in Excel and saved: the command line skips our tabs, finds the same, and --out replaces them', async () => {
    const doc = await fx.doc();
    const userSheets = doc.sheets.map((s) => s.name);
    const dir = tempDir();
    const original = writeIn(join(dir, 'before'), fx.file, await xlsxFromSim(doc));
    const { ctx } = context(doc);
    const outcome = await checkWorkbook(ctx, options(fx.settings, { fileName: fx.file }));
    const ours = Object.values(outcome.tabNames);
    expect(ours.length).toBeGreaterThan(1);
    const saved = writeIn(join(dir, 'after'), fx.file, await xlsxFromSim(doc));

    const before = await cliCheck(original, fx.settings);
    const out = join(dir, 'after', 'out.xlsx');
    const after = await cliCheck(saved, fx.settings, '--out', out);
    // Every tab the add-in wrote is recognised as ours: not checked, no finding on it, same totals.
    const looked = after.report.files[0].sheets;
    for (const name of ours) expect(looked.find((s) => s.name === name)?.kind).toBe('owned');
    expect(after.report.findings.filter((f) => ours.includes(f.sheet ?? ''))).toEqual([]);
    expect(after.code).toBe(before.code);
    expect(checked(after.report)).toEqual(checked(before.report));
    // --out replaces them: the same tab names, none doubled as 检查结果(2), each proved ours.
    const written = await sheetNames(out);
    expect(written.map(([n]) => n).sort()).toEqual([...userSheets, ...ours].sort());
    expect(written.filter(([n]) => ours.includes(n)).every(([, owned]) => owned !== null)).toBe(true);
  });

  it('a file the command line wrote, opened in Excel: 一键检查 skips our tabs, finds the same, and replaces them', async () => {
    const dir = tempDir();
    const original = writeIn(dir, fx.file, await xlsxFromSim(await fx.doc()));
    const gen = join(dir, 'checked.xlsx');
    await cliCheck(original, fx.settings, '--out', gen);
    const cliTabs = (await sheetNames(gen)).filter(([, owned]) => owned !== null).map(([n]) => n);
    expect(cliTabs.length).toBeGreaterThan(1);

    const plain = await simFromXlsx(bytesOf(readFileSync(original)), fx.file);
    const opened = await simFromXlsx(bytesOf(readFileSync(gen)), fx.file);
    const userSheets = plain.sheets.map((s) => s.name);
    const mine = userSheets.map((n) => opened.snapshot(n));
    const first = await checkWorkbook(context(plain).ctx, options(fx.settings, { fileName: fx.file }));
    const again = await checkWorkbook(context(opened).ctx, options(fx.settings, { fileName: fx.file }));
    expect(again.report.findings.filter((f) => cliTabs.includes(f.sheet ?? ''))).toEqual([]);
    expect(checked(again.report)).toEqual(checked(first.report));
    expect(Object.values(again.tabNames).sort()).toEqual([...cliTabs].sort());
    expect(tabs(opened).sort()).toEqual([...userSheets, ...cliTabs].sort());
    expect(userSheets.map((n) => opened.snapshot(n))).toEqual(mine);
  });
});

describe("the user's own sheets named like ours stay the user's on both hosts", () => {
  const userRows = [['约谈人员', '日期'], ['王五', '2017-07-01']];
  const notes = [['我自己的记录'], ['请勿删除']];

  it('a sheet of their own called 检查结果 or 约谈名单: checked as data by both, never replaced', async () => {
    const doc = simBook([
      { name: '分解表', rows: responsibilityRows() },
      { name: '检查结果', rows: notes },
      { name: '约谈名单', rows: userRows },
    ]);
    const mine = ['检查结果', '约谈名单'].map((n) => doc.snapshot(n));
    const outcome = await checkWorkbook(context(doc).ctx, options());
    expect(outcome.tabNames.findings).toBe('检查结果(2)');
    expect(outcome.report.files[0].sheets.filter((s) => s.kind === 'owned').map((s) => s.name)).toEqual([]);
    const dir = tempDir();
    const saved = writeIn(dir, '分解表.xlsx', await xlsxFromSim(doc));
    const out = join(dir, 'out.xlsx');
    const after = await cliCheck(saved, {}, '--out', out);
    expect(after.report.files[0].sheets.filter((s) => s.kind !== 'owned').map((s) => s.name)).toEqual(['分解表', '检查结果', '约谈名单']);
    const written = await sheetNames(out);
    expect(written.filter(([n]) => n.startsWith('检查结果'))).toEqual([['检查结果', null], ['检查结果(2)', 'findings']]);
    expect(written.find(([n]) => n === '约谈名单')).toEqual(['约谈名单', null]);
    // Their cells came through both hosts as they were.
    const back = await simFromXlsx(bytesOf(readFileSync(out)), '分解表.xlsx');
    expect(['检查结果', '约谈名单'].map((n) => back.snapshot(n).map(([k, c]) => [k, c.value]))).toEqual(mine.map((s) => s.map(([k, c]) => [k, c.value])));
  });

  it('our tab edited by the user, and a copy of it: both stay theirs in Excel and in the file', async () => {
    const doc = simBook([{ name: '分解表', rows: responsibilityRows() }]);
    await checkWorkbook(context(doc).ctx, options());
    // The user copies 检查结果 (Excel copies its hidden name too) and types into our tab.
    const ours = doc.sheet('检查结果')!;
    const copy = doc.addSheet('检查结果 (2)');
    for (const [k, c] of ours.cells) copy.cells.set(k, { ...c });
    for (const [n, v] of ours.names) copy.names.set(n, { ...v });
    ours.cells.set(key(4, 1), { value: '我改过的内容' });
    const edited = doc.snapshot('检查结果');
    const copied = doc.snapshot('检查结果 (2)');

    const outcome = await checkWorkbook(context(doc).ctx, options());
    expect(outcome.tabNames.findings).toBe('检查结果(2)');
    expect(doc.snapshot('检查结果')).toEqual(edited);
    expect(doc.snapshot('检查结果 (2)')).toEqual(copied);
    expect(doc.sheet('检查结果')!.names.has(OWNED_NAME)).toBe(true); // the mark is there, but no longer proves anything

    const dir = tempDir();
    const saved = writeIn(dir, '分解表.xlsx', await xlsxFromSim(doc));
    const out = join(dir, 'out.xlsx');
    await cliCheck(saved, {}, '--out', out);
    const written = new Map(await sheetNames(out));
    expect(written.get('检查结果')).toBeNull();
    expect(written.get('检查结果 (2)')).toBeNull();
    expect(written.get('检查结果(2)')).toBe('findings');
    expect(written.has('检查结果(3)')).toBe(false);
  });
});

describe('the tabs as the add-in writes them', () => {
  it('merges the subtitle across the table and sizes its row, as the command line does', async () => {
    const doc = simBook([{ name: '分解表', rows: responsibilityRows() }]);
    await checkWorkbook(context(doc).ctx, options());
    const findings = doc.sheet('检查结果')!;
    expect(findings.merges).toContainEqual(expect.objectContaining({ top: 2, bottom: 2, left: 1 }));
    expect(findings.merges[0].right).toBeGreaterThan(1);
    expect(findings.rowHeights.get(2)).toBeGreaterThanOrEqual(14);
    expect(findings.formats.get(key(2, 1))?.wrap).toBe(true);
  });

  it('removes a half-built tab a failed run left (hidden, ~LC…, marked) instead of checking it', async () => {
    const doc = simBook([
      { name: '分解表', rows: responsibilityRows() },
      { name: '~LCk3j2-0', rows: [['检查结果（未完成）'], [], ['序号', '测评项目']] },
    ]);
    const left = doc.sheet('~LCk3j2-0')!;
    left.visibility = 'Hidden';
    left.names.set(OWNED_NAME, { formula: '="findings|lc1:0123456789abcdef"', visible: false });
    const outcome = await checkWorkbook(context(doc).ctx, options());
    expect(outcome.report.files[0].sheets.find((s) => s.name === '~LCk3j2-0')?.kind).toBe('owned');
    expect(doc.sheet('~LCk3j2-0')).toBeUndefined();
  });
});

/**
 * Our tab after an office edited it (约谈名单's 整改时限 filled in, a remark on 督办清单, a changed
 * cell in 帮扶汇总): no longer proved ours, so never replaced, but not the user's data either —
 * neither host checks or counts it, and a fresh tab is written beside it.
 */
interface EditCase {
  what: string;
  fx: Fixture;
  tab: string;
  role: string;
  edit: (cells: Map<number, { value: unknown }>) => void;
}

const OVERDUE: Fixture = {
  kind: 'responsibility with an overdue task',
  file: '分解表.xlsx',
  settings: {},
  doc: async () => simBook([{ name: '分解表', rows: responsibilityRows((r) => (r[3][6] = '2017年6月30日')) }]),
};

const EDITS: EditCase[] = [
  { what: '约谈名单 with 整改时限 filled in', fx: FIXTURES[2], tab: '约谈名单', role: 'interviews', edit: (c) => c.set(key(4, 7), { value: 42977 }) },
  { what: '督办清单 with a remark', fx: OVERDUE, tab: '督办清单', role: 'overdue', edit: (c) => c.set(key(4, 8), { value: '已电话督办，8月底前完成' }) },
  { what: '帮扶汇总 with a changed cell', fx: FIXTURES[1], tab: '帮扶汇总', role: 'aid', edit: (c) => c.set(key(4, 3), { value: 99 }) },
];

/** A tab's non-empty values by cell (a file keeps no empty cells). */
const values = (doc: SimWorkbook, name: string) =>
  doc
    .snapshot(name)
    .filter(([, c]) => c.value !== '' && c.value !== null && c.value !== undefined)
    .map(([k, c]) => [k, c.value]);

describe.each(EDITS)('our tab edited by an office: $what', (e) => {
  it('is neither checked nor counted nor replaced, in Excel and by the command line; a fresh one is written beside it', async () => {
    const doc = await e.fx.doc();
    const dir = tempDir();
    const original = writeIn(join(dir, 'before'), e.fx.file, await xlsxFromSim(doc));
    const first = await checkWorkbook(context(doc).ctx, options(e.fx.settings, { fileName: e.fx.file }));
    expect(first.tabNames[e.role]).toBe(e.tab);
    e.edit(doc.sheet(e.tab)!.cells as Map<number, { value: unknown }>);
    const edited = values(doc, e.tab);
    const saved = writeIn(join(dir, 'after'), e.fx.file, await xlsxFromSim(doc));

    // In Excel.
    const again = await checkWorkbook(context(doc).ctx, options(e.fx.settings, { fileName: e.fx.file }));
    const listed = again.report.files[0].sheets.find((s) => s.name === e.tab);
    expect(listed).toMatchObject({ kind: 'owned', reason: '本工具写入的汇总表，已被修改：不检查，也不替换' });
    expect(again.report.findings.filter((f) => f.sheet === e.tab)).toEqual([]);
    expect(checked(again.report)).toEqual(checked(first.report));
    expect(values(doc, e.tab)).toEqual(edited);
    expect(again.tabNames[e.role]).toBe(`${e.tab}(2)`);

    // By the command line, on the file saved after the edit.
    const before = await cliCheck(original, e.fx.settings);
    const out = join(dir, 'after', 'out.xlsx');
    const after = await cliCheck(saved, e.fx.settings, '--out', out);
    expect(after.report.files[0].sheets.find((s) => s.name === e.tab)).toMatchObject({ kind: 'owned', reason: '本工具写入的汇总表，已被修改：不检查，也不替换' });
    expect(after.report.findings.filter((f) => f.sheet === e.tab)).toEqual([]);
    expect(after.code).toBe(before.code);
    expect(checked(after.report)).toEqual(checked(before.report));
    const written = new Map(await sheetNames(out));
    expect(written.get(e.tab)).toBeNull();
    expect(written.get(`${e.tab}(2)`)).toBe(e.role);
    const back = await simFromXlsx(bytesOf(readFileSync(out)), e.fx.file);
    expect(values(back, e.tab)).toEqual(edited);
  });
});

describe("a user's own table under one of our tab names is still checked", () => {
  it('督办清单 holding their own 分解表 gets its findings on both hosts, and ours goes beside it', async () => {
    // No 责任单位 on the first task: required.missing on the user's 督办清单.
    const doc = simBook([
      { name: '分解表', rows: responsibilityRows() },
      { name: '督办清单', rows: responsibilityRows((r) => (r[2][4] = null)) },
    ]);
    const outcome = await checkWorkbook(context(doc).ctx, options());
    expect(outcome.report.files[0].sheets.find((s) => s.name === '督办清单')?.kind).toBe('responsibility');
    expect(outcome.report.findings.filter((f) => f.sheet === '督办清单').map((f) => f.rule)).toContain('required.missing');
    expect(outcome.tabNames.overdue).toBe('督办清单(2)');

    const dir = tempDir();
    const saved = writeIn(dir, '分解表.xlsx', await xlsxFromSim(doc));
    const after = await cliCheck(saved, {});
    expect(after.report.files[0].sheets.find((s) => s.name === '督办清单')?.kind).toBe('responsibility');
    expect(after.report.findings.filter((f) => f.sheet === '督办清单').map((f) => f.rule)).toContain('required.missing');
  });
});
