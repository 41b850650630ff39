import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ballotTabs } from '../../src/core/kinds/ballot/tabs';
import { newWorkbookWithTabs } from '../../src/xlsx/write';
import { handMadeBallot } from '../helpers/ballot-summary';
import { tempDir } from '../helpers/cli';

/** The two ballot tabs written as the command line writes them, and their parts. */
async function written() {
  const ballot = handMadeBallot();
  const { bytes } = await newWorkbookWithTabs(ballotTabs({ ballot, lang: 'zh', files: ['述职评议.xlsx'] }));
  const zip = await JSZip.loadAsync(bytes);
  const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return { ballot, bytes, wb, charts: await Promise.all(charts.map((c) => c.async('string'))), zip };
}

describe('测评汇总 and 约谈名单 in the .xlsx we write', () => {
  let w: Awaited<ReturnType<typeof written>>;
  beforeAll(async () => {
    w = await written();
  });

  it('reads back in exceljs with its title, header and the persons in rank order', () => {
    const ws = w.wb.getWorksheet('测评汇总')!;
    expect(String(ws.getCell('A1').value)).toBe('测评结果汇总（6 人，按排名）');
    expect(ws.getRow(3).getCell(1).value).toBe('排名');
    expect(ws.getRow(3).getCell(5).value).toBe('对党建工作重视程度·好');
    const names = [4, 5, 6, 7, 8, 9].map((r) => ws.getRow(r).getCell(2).value);
    expect(names).toEqual(['张建华', '王伟（侯营镇卫生院党支部）', '王伟（堂邑镇卫生院党支部）', '孙长山', '郑宝山', '吴学文']);
    // Rates are numbers shown as percents with one decimal.
    const rate = ws.getRow(7).getCell(4 + 2 * 6 + 5);
    expect(ws.getRow(3).getCell(4 + 2 * 6 + 5).value).toBe('总体评价·好票率');
    expect(rate.value).toBeCloseTo(2 / 9);
    expect(rate.numFmt).toBe('0.0%');
    const list = w.wb.getWorksheet('约谈名单')!;
    expect([4, 5].map((r) => list.getRow(r).getCell(1).value)).toEqual(['孙长山', '郑宝山']);
    expect(list.getRow(5).getCell(6).value).toBe('党建工作成效、总体评价');
    expect(list.getRow(5).getCell(7).value).toBeNull();
  });

  it('freezes the rows down to the header, prints landscape on A3 one page wide with the header repeated, and keeps long headers whole', async () => {
    const xml = await w.zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"\/>/);
    // Six columns per item are too wide for A4 to be read: 测评汇总 prints on A3 (8); 约谈名单 on A4 (9).
    expect(xml).toMatch(/<pageSetup paperSize="8" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(await w.zip.file('xl/worksheets/sheet2.xml')!.async('string')).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    expect(await w.zip.file('xl/workbook.xml')!.async('string')).toMatch(/_xlnm.Print_Titles" localSheetId="0">'?测评汇总'?!\$3:\$3</);
    // 对党建工作重视程度·好+较好率 in a 7-wide column needs four lines: the header row is that tall.
    expect(Number(/<row r="3" ht="([\d.]+)"/.exec(xml)![1])).toBeGreaterThanOrEqual(60);
  });

  it('holds one stacked bar chart of 总体评价 per person, its four series on the tab’s own cells, rank 1 on top', () => {
    expect(w.charts).toHaveLength(1);
    const c = w.charts[0];
    expect(c).toContain('<c:barDir val="bar"/>');
    expect(c).toContain('<c:grouping val="stacked"/>');
    expect(c).toContain('<c:overlap val="100"/>');
    expect(c).toContain('<c:orientation val="maxMin"/>');
    const series = [...c.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]);
    expect(series.map((s) => /<c:tx><c:v>([^<]*)</.exec(s)![1])).toEqual(['好', '较好', '一般', '差']);
    // 总体评价's counts are columns 17–20 (Q–T) of rows 4–9; the names are column B.
    expect(series.map((s) => /<c:val><c:numRef><c:f>([^<]*)</.exec(s)![1])).toEqual(['Q', 'R', 'S', 'T'].map((col) => `'测评汇总'!$${col}$4:$${col}$9`));
    expect(series.every((s) => s.includes("<c:f>'测评汇总'!$B$4:$B$9</c:f>"))).toBe(true);
    // The cached values are the tally's: 郑宝山 has 3 差.
    expect(/<c:pt idx="4"><c:v>([^<]*)</.exec(series[3].split('<c:val>')[1])![1]).toBe('3');
  });

  it('opens in LibreOffice, which prints both tabs and the chart', () => {
    const dir = tempDir();
    const file = join(dir, 'ballot.xlsx');
    writeFileSync(file, w.bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
    const text = execFileSync('pdftotext', [join(dir, 'ballot.pdf'), '-']).toString();
    expect(text).toContain('测评结果汇总');
    expect(text).toContain('约谈名单');
    expect(text).toContain('郑宝山');
    // The chart's title is drawn: LibreOffice read the chart part.
    expect(text).toContain('总体评价：各人好 / 较好 / 一般 / 差票数');
  });
});
