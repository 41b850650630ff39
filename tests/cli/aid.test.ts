import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ReportSchema } from '../../src/core/report';
import { readXlsx } from '../../src/xlsx/read';
import { PLANTED_AID } from '../../scripts/samples/aid';
import { cli, tempDir } from '../helpers/cli';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const A = join(SAMPLES, '东昌府区帮扶救助台账-2017春节.xlsx');
const B = join(SAMPLES, '阳谷县帮扶救助台账-2017春节.xlsx');
const SETTINGS = join(SAMPLES, '帮扶检查设置.json');
const FULL_ID = /\b\d{17}[\dX]\b/;

describe('ledgercheck check on aid ledgers', () => {
  it('finds every planted aid mistake in the county sample', async () => {
    const json = join(tempDir(), 'r.json');
    const r = await cli('check', A, '--config', SETTINGS, '--json', json);
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    for (const rule of PLANTED_AID) expect([rule, report.summary.byRule[rule] ?? 0]).not.toEqual([rule, 0]);
    expect(report.files[0].sheets.map((s) => [s.name, s.kind, s.rows])).toEqual([
      ['侯营镇', 'aid', 72],
      ['沙镇镇', 'aid', 70],
      ['堂邑镇', 'aid', 68],
      ['梁水镇', 'aid', 70],
      ['道口铺街道', 'aid', 66],
    ]);
    expect(report.aid!.byTownship.map((t) => t.township).sort()).toEqual(['侯营镇', '堂邑镇', '梁水镇', '沙镇镇', '道口铺街道'].sort());
  });

  it('masks ID numbers in the console, the JSON report and the summary tabs unless --show-ids', async () => {
    const dir = tempDir();
    const r = await cli('check', A, B, '--config', SETTINGS, '--json', join(dir, 'r.json'), '--out', join(dir, 'city.xlsx'), '--all');
    expect(r.stdout).toMatch(/371502\*{8}\d{3}[\dX]/);
    expect(r.stdout).not.toMatch(FULL_ID);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).not.toMatch(FULL_ID);
    const { workbook } = await readXlsx(new Uint8Array(readFileSync(join(dir, 'city.xlsx'))), 'city.xlsx');
    const texts = workbook.sheets.flatMap((s) => s.rows.flat()).map(String);
    expect(texts.filter((t) => FULL_ID.test(t))).toEqual([]);
    const shown = await cli('check', A, '--config', SETTINGS, '--show-ids', '--all');
    expect(shown.stdout).toMatch(FULL_ID);
  });

  it('consolidates two county workbooks into one new workbook with 帮扶汇总 (and its chart) and 重复户核查', async () => {
    const dir = tempDir();
    const out = join(dir, 'city.xlsx');
    const json = join(dir, 'r.json');
    const r = await cli('check', A, B, '--config', SETTINGS, '--out', out, '--json', json);
    expect(r.stdout).toContain('帮扶汇总（已核实的金额，单位：元）');
    const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(report.aid!.byCounty.map((c) => c.county)).toEqual(['东昌府区', '阳谷县']);
    const total = report.aid!.total;
    expect(total.households).toBe(report.aid!.byCounty.reduce((n, c) => n + c.households, 0));
    expect(total.amount).toBeCloseTo(report.aid!.byCounty.reduce((n, c) => n + c.amount, 0), 2);
    // The three households both counties list are found in both files.
    const shared = report.aid!.duplicates.filter((d) => new Set(d.places.map((p) => p.file)).size === 2);
    expect(shared).toHaveLength(3);
    const { workbook } = await readXlsx(new Uint8Array(readFileSync(out)), 'city.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['检查结果', '问题分布', '帮扶汇总', '重复户核查', '检查记录']);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).toHaveLength(1);

    const profile = `file://${join(dir, 'lo-profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()).toEqual(['city-帮扶汇总.csv', 'city-检查结果.csv', 'city-检查记录.csv', 'city-重复户核查.csv', 'city-问题分布.csv'].sort());
    const summary = readFileSync(join(dir, 'city-帮扶汇总.csv'), 'utf8').split('\n');
    expect(summary[3]).toMatch(new RegExp(`^总计,全部,${total.households},${total.persons},`));
  });
});

describe('the consolidation example: one computation, the same figures in console, JSON and 帮扶汇总', () => {
  it('keeps every row adding up and says the same headline everywhere', async () => {
    const dir = tempDir();
    const out = join(dir, 'city.xlsx');
    const json = join(dir, 'r.json');
    const r = await cli('check', A, B, '--config', SETTINGS, '--out', out, '--json', json);
    const aid = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8'))).aid!;
    const fen = (n: number) => Math.round(n * 100);
    for (const g of [aid.total, ...aid.byCounty, ...aid.byTownship]) expect(fen(g.cash) + fen(g.goods) + fen(g.unsplit)).toBe(fen(g.amount));
    for (const g of [...aid.byCounty, ...aid.byTownship]) expect(Object.values(g.sources).reduce((s, v) => s + fen(v), 0)).toBe(fen(g.amount));
    expect(aid.bySource.reduce((s, v) => s + fen(v.amount), 0)).toBe(fen(aid.total.amount));
    // The sample's planted money mistakes stay out of the totals: none of 500 万元 is added in.
    expect(aid.total.amount).toBeLessThan(1_000_000);
    expect(aid.total.pending.values).toBeGreaterThan(0);
    expect(aid.headline).toBe(`已核实 ${aid.total.households} 户 ${(aid.total.amount / 10_000).toFixed(2)} 万元；另有 ${aid.total.pending.values} 处金额待核实（见检查结果）`);
    expect(r.stdout).toContain(`  ${aid.headline}\n`);
    const { workbook } = await readXlsx(new Uint8Array(readFileSync(out)), 'city.xlsx');
    const tab = workbook.sheets.find((s) => s.name === '帮扶汇总')!;
    expect(String(tab.rows[1][0]).startsWith(aid.headline)).toBe(true);
    const header = tab.rows[2].map(String);
    const total = tab.rows[3];
    expect([total[header.indexOf('户数')], total[header.indexOf('合计（元）')], total[header.indexOf('待核实金额（处）')]]).toEqual([aid.total.households, aid.total.amount, aid.total.pending.values]);
  });
});
