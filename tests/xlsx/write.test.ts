import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCheck } from '../../src/core/pipeline';
import { parseSettings } from '../../src/core/settings';
import { summaryTabs } from '../../src/core/summary/tabs';
import { CellValue } from '../../src/core/workbook';
import { readXlsx } from '../../src/xlsx/read';
import { newWorkbookWithTabs, writeTabs } from '../../src/xlsx/write';
import { richWorkbook } from '../helpers/fixtures';
import { responsibilityRows } from '../helpers/grid';

/** What the CLI does: read, check, add the tabs. */
async function checkAndWrite(bytes: Uint8Array, name = 'in.xlsx') {
  const { workbook, pkg } = await readXlsx(bytes, name);
  const result = runCheck([workbook], parseSettings({ asOf: '2017-07-15' }), { today: '2017-07-15' });
  const tabs = summaryTabs({ result, lang: 'zh', linkFile: name, runAt: '2017-07-15 10:00', toolVersion: 't' });
  return writeTabs(pkg, tabs);
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'));
  return out;
}

const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  return (await readXlsx(bytes, 'x.xlsx')).workbook.sheets.map((s) => s.name);
}

describe('writing the summary tabs into the package', () => {
  let input: Buffer;
  beforeAll(async () => {
    input = await richWorkbook();
  });

  it('carries every part of the original over byte for byte (chart, comment, image, validation)', async () => {
    const before = await parts(input);
    const after = await parts((await checkAndWrite(input)).bytes);
    for (const [name, data] of before) {
      expect(after.has(name)).toBe(true);
      if (!EDITED.has(name)) expect(after.get(name)!.equals(data)).toBe(true);
    }
    expect([...before.keys()]).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/comments1.xml', 'xl/media/image1.png']));
    // The parts we edit keep what they had: styles are appended to, sheets added after the user's.
    const styles = after.get('xl/styles.xml')!.toString();
    expect(styles).toContain(before.get('xl/styles.xml')!.toString().match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]);
    expect(after.get('xl/workbook.xml')!.toString()).toMatch(/name="分解表"[\s\S]*name="图表"[\s\S]*name="检查结果"/);
  });

  it("leaves the user's sheets reading exactly as before", async () => {
    const before = await readXlsx(new Uint8Array(input), 'x');
    const after = await readXlsx((await checkAndWrite(input)).bytes, 'x');
    expect(after.workbook.sheets.slice(0, 2)).toEqual(before.workbook.sheets);
  });

  it('adds the summary tabs, tagged as ours, readable by exceljs with their tables', async () => {
    const { bytes, names } = await checkAndWrite(input);
    expect(names).toEqual({ findings: '检查结果', distribution: '问题分布', units: '责任汇总', lost: '丢分清单', overdue: '督办清单', log: '检查记录' });
    const { pkg } = await readXlsx(bytes, 'x');
    expect(pkg.sheets.map((s) => s.owned)).toEqual([null, null, 'findings', 'distribution', 'units', 'lost', 'overdue', 'log']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const units = wb.getWorksheet('责任汇总')!;
    expect(units.getCell('B3').value).toBe('牵头单位');
    expect([4, 5, 6].map((r) => units.getCell(`B${r}`).value).sort()).toEqual(['医政科', '宣传科', '疾控科'].sort());
    expect(units.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(pkg.definedNames.filter((n) => n.name === '_xlnm.Print_Titles').map((n) => n.localSheetId)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('replaces its own tabs on a second run and keeps one set, with the log growing', async () => {
    const first = await checkAndWrite(input);
    const second = await checkAndWrite(first.bytes);
    expect(await sheetNames(second.bytes)).toEqual(await sheetNames(first.bytes));
    const zip = await JSZip.loadAsync(second.bytes);
    // The old tabs' parts are gone, not left behind as orphans.
    expect(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)).toHaveLength(8);
    expect(zip.file(/^xl\/tables\/table\d+\.xml$/)).toHaveLength(6);
    const wb = (await zip.file('xl/workbook.xml')!.async('string'));
    expect(wb.match(/LedgerCheck_Owned/g)).toHaveLength(6);
  });

  it("never overwrites a user's own sheet that happens to be called 检查结果", async () => {
    const mine: CellValue[][] = [['我自己的检查结果'], ['请勿删除']];
    const withMine = await richWorkbook([{ name: '检查结果', rows: mine }]);
    const { bytes, names } = await checkAndWrite(withMine);
    expect(names.findings).toBe('检查结果(2)');
    const { workbook } = await readXlsx(bytes, 'x');
    expect(workbook.sheets.find((s) => s.name === '检查结果')!.rows).toEqual(mine);
    // And on the next run it is still the user's.
    const again = await checkAndWrite(bytes);
    expect(again.names.findings).toBe('检查结果(2)');
    expect((await readXlsx(again.bytes, 'x')).workbook.sheets.find((s) => s.name === '检查结果')!.rows).toEqual(mine);
  });

  it('writes text that begins with = as text, never as a formula', async () => {
    const rows = responsibilityRows((r) => (r[3][5] = '=1+1'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分解表');
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
    const { bytes } = await checkAndWrite(new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(bytes) as never);
    const lost = out.getWorksheet('丢分清单')!;
    expect(lost.getCell('B4').value).toBe('=1+1');
    expect(lost.getCell('B4').formula).toBeUndefined();
  });

  it('makes a new workbook with only the summary tabs when consolidating', async () => {
    const result = runCheck([{ name: 'a.xlsx', sheets: [{ name: '表', rows: responsibilityRows() }] }], parseSettings({}), { today: '2017-07-15' });
    const { bytes } = await newWorkbookWithTabs(summaryTabs({ result, lang: 'en', linkFile: null, runAt: 'now', toolVersion: 't' }));
    expect(await sheetNames(bytes)).toEqual(['Findings', 'Who fixes what', 'Unit scores', 'Lost points', 'Overdue tasks', 'Check log']);
  });
});
