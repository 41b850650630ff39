import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ReportSchema } from '../../src/core/report';
import { PLANTED } from '../../scripts/samples/responsibility';
import { cli, tempDir } from '../helpers/cli';
import { richWorkbook, xlsxFrom } from '../helpers/fixtures';
import { responsibilityRows } from '../helpers/grid';
import { writeResponsibilityTable } from '../../bench/generate';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '创城目标任务分解表-2017.xlsx');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('ledgercheck check', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });

  it('finds every planted mistake in the sample, exits 1 and prints the verdict and unit scores', async () => {
    const json = join(dir, 'r.json');
    const r = await cli('check', SAMPLE, '--as-of', '2017-07-15', '--json', json);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/结论：有 \d+ 个错误，请改正后再提交/);
    expect(r.stdout).toContain('单位得分：');
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(Object.keys(report.summary.byRule).sort()).toEqual([...PLANTED].sort());
    expect(report.files[0].sheets[0]).toMatchObject({ name: '分解表', kind: 'responsibility', headerRows: [3, 4], dataRange: 'A5:M40' });
    expect(report.files[0].sheets[0].columns).toMatchObject({ item: 'B', leadUnit: 'F', owner: 'H', deadline: 'I', score: 'K', deductionReason: 'L' });
    expect(report.responsibility!.units.find((u) => u.unit === '机关党委')).toMatchObject({ veto: true, grade: '差' });
  });

  it('exits 0 on a clean workbook and says it is ready to submit', async () => {
    const file = join(dir, 'clean.xlsx');
    writeFileSync(file, await xlsxFrom([{ name: '分解表', rows: responsibilityRows() }]));
    const r = await cli('check', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论：可以提交');
  });

  it('speaks English with --lang en', async () => {
    const r = await cli('check', SAMPLE, '--as-of', '2017-07-15', '--lang', 'en');
    expect(r.stdout).toMatch(/Verdict: \d+ errors to fix/);
    // The cell is shown once, at the start of the line; the sentence does not repeat it.
    expect(r.stdout).toMatch(/^ +error I23 +The deadline "尽快" is not a date\.$/m);
  });

  it('speaks the language of the settings file unless --lang is typed', async () => {
    const cfg = join(dir, 'en.json');
    writeFileSync(cfg, JSON.stringify({ lang: 'en' }));
    const fromFile = await cli('check', SAMPLE, '--as-of', '2017-07-15', '--config', cfg);
    expect(fromFile.stdout).toMatch(/Verdict: \d+ errors to fix/);
    const typed = await cli('check', SAMPLE, '--as-of', '2017-07-15', '--config', cfg, '--lang', 'zh');
    expect(typed.stdout).toMatch(/结论：有 \d+ 个错误/);
  });

  it('writes a copy with the summary tabs, leaves the input byte for byte, and refuses to overwrite it', async () => {
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, await richWorkbook());
    const before = sha(input);
    const out = join(dir, 'out.xlsx');
    expect((await cli('check', input, '--out', out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(sha(input)).toBe(before);
    const refused = await cli('check', input, '--out', input);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不能覆盖');
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'out.xlsx']); // no temporary files left
  });

  it('exits 2 with a one-line reason for unusable input', async () => {
    const missing = await cli('check', join(dir, 'nope.xlsx'));
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `找不到文件或无法读取：${join(dir, 'nope.xlsx')}`]);
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, '这不是表格');
    const notXlsx = await cli('check', text);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr.trim().split('\n')).toHaveLength(1);
    expect(notXlsx.stderr).toContain('不是 .xlsx 文件');
    const cut = join(dir, 'cut.xlsx');
    copyFileSync(SAMPLE, cut);
    writeFileSync(cut, readFileSync(cut).subarray(0, 4000));
    expect((await cli('check', cut)).stderr).toContain('文件已损坏');
    expect((await cli('check', SAMPLE, '--window', '2017-01-22..2017-01-09')).code).toBe(2);
    expect((await cli('check', SAMPLE, '--as-of', '2017-02-30')).stderr).toContain('没有这一天');
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('says why a damaged file cannot be read in the one language asked for, the reason included', async () => {
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(SAMPLE).subarray(0, 4000));
    const badSheet = join(dir, 'bad-sheet.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    zip.file('xl/worksheets/sheet1.xml', '<html/>');
    writeFileSync(badSheet, await zip.generateAsync({ type: 'nodebuffer' }));
    const zh = [(await cli('check', cut, '--lang', 'zh')).stderr, (await cli('check', badSheet, '--lang', 'zh')).stderr];
    const en = [(await cli('check', cut, '--lang', 'en')).stderr, (await cli('check', badSheet, '--lang', 'en')).stderr];
    expect(zh[0]).toContain('文件已损坏，无法解压（');
    expect(zh[1]).toMatch(/工作表「.+」无法读取：内容已损坏（xl\/worksheets\/sheet1\.xml: the root element is not <worksheet>）/);
    expect(en[0]).toMatch(/: the file is damaged \(.*\)/);
    expect(en[1]).toMatch(/: sheet ".+" cannot be read: its XML is damaged/);
    // One language each: the reason inside the brackets too (it was the other half's once).
    for (const s of zh) expect(s).not.toMatch(/damaged|cannot be read| \/ /);
    for (const s of en) expect(s).not.toMatch(/无法|损坏|文件|工作表/);
  });

  it('reads settings from --config and reports invalid ones clearly', async () => {
    const cfg = join(dir, 'settings.json');
    writeFileSync(cfg, JSON.stringify({ totalPoints: 102, rules: { 'task.overdue': { enabled: false } } }));
    const json = join(dir, 'r.json');
    await cli('check', SAMPLE, '--as-of', '2017-07-15', '--config', cfg, '--json', json);
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.summary.byRule['task.overdue']).toBeUndefined();
    // 分解表 adds up to 102 and now passes; 党建测评 adds up to 100 and now does not.
    expect(report.findings.filter((f) => f.rule === 'score.max-total').map((f) => f.sheet)).toEqual(['党建测评']);
    writeFileSync(cfg, JSON.stringify({ gradeThresholds: [{ grade: '好', min: 1.5 }] }));
    const bad = await cli('check', SAMPLE, '--config', cfg);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('gradeThresholds.0.min');
  });

  it('prints a progress line on long files', async () => {
    const file = join(dir, 'big.xlsx');
    await writeResponsibilityTable(file, 21_000);
    const r = await cli('check', file, '--as-of', '2017-07-15');
    expect(r.stderr).toContain('检查进度 big.xlsx 分解表: 20000/21000');
    expect((await cli('check', file, '--quiet')).stderr).toBe('');
  });

  it('runs as an installed command through bin/ledgercheck.js', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'ledgercheck.js'), 'check', SAMPLE, '--as-of', '2017-07-15', '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('the written copy in LibreOffice', () => {
  it('opens in LibreOffice Calc with every summary tab present', async () => {
    const dir = tempDir();
    const out = join(dir, 'checked.xlsx');
    await cli('check', SAMPLE, '--as-of', '2017-07-15', '--out', out, '--quiet');
    const profile = `file://${join(dir, 'lo-profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
    const csvs = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    expect(csvs).toEqual(['checked-丢分清单.csv', 'checked-党建测评.csv', 'checked-分解表.csv', 'checked-检查结果.csv', 'checked-检查记录.csv', 'checked-督办清单.csv', 'checked-责任汇总.csv', 'checked-问题分布.csv'].sort());
    const findings = readFileSync(join(dir, 'checked-检查结果.csv'), 'utf8');
    expect(findings).toContain('I23 的完成时限“尽快”无法识别为日期。');
    const overdue = readFileSync(join(dir, 'checked-督办清单.csv'), 'utf8').split('\n');
    expect(overdue[2]).toBe('牵头单位,责任人,任务,完成时限,逾期天数,完成情况,位置');
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
    expect(readFileSync(join(dir, 'checked.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
