import { ballotTabs } from '../../src/core/kinds/ballot/tabs';
import { SimWorkbook } from '../../src/excel-sim/state';
import { FULL_SUPPORT } from '../../src/excel/support';
import { writeTabs } from '../../src/excel/write';
import { handMadeBallot } from '../helpers/ballot-summary';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simFromXlsx } from '../../src/playground/load-workbook';
import { checkWorkbook } from '../../src/excel/check-workbook';
import { context, options } from './helpers';

const cellText = (doc: SimWorkbook, sheet: string, row: number, col: number) => doc.sheet(sheet)!.cells.get(row * 16_384 + col)?.value;

describe('the ballot tabs through Office.js (the strict in-memory Excel)', () => {
  it('writes 测评汇总 with its stacked bar chart: one series per choice, named, coloured, over the names, rank 1 on top', async () => {
    const doc = SimWorkbook.from([{ name: '测评票', rows: [['姓名']] }]);
    const { ctx } = context(doc);
    const tabs = ballotTabs({ ballot: handMadeBallot(), lang: 'zh', files: ['述职评议.xlsx'] });
    const { names } = await writeTabs(ctx, tabs, { support: FULL_SUPPORT, sheets: [{ name: '测评票', owned: null }], stamp: 'T1' });
    expect(names).toEqual({ ballot: '测评汇总', interviews: '约谈名单' });
    const sheet = doc.sheet('测评汇总')!;
    expect(cellText(doc, '测评汇总', 3, 5)).toBe('对党建工作重视程度·好');
    expect(cellText(doc, '测评汇总', 8, 2)).toBe('郑宝山');
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A3', printTitleRows: '$3:$3' });
    expect(doc.sheet('约谈名单')!.pageLayout.paperSize).toBe('A4');
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.type).toBe('BarStacked');
    expect(chart.source).toBe('Q4:T9');
    expect(chart.series.map((s) => s.name)).toEqual(['好', '较好', '一般', '差']);
    expect(chart.series.map((s) => s.categories)).toEqual(['B4:B9', 'B4:B9', 'B4:B9', 'B4:B9']);
    expect(chart.series.every((s) => /^#[0-9A-F]{6}$/.test(s.fill ?? ''))).toBe(true);
    expect(chart.categoryAxis).toEqual({ reversePlotOrder: true, position: 'Maximum' });
    expect(chart.legend.position).toBe('Bottom');
    // Below the table, and wide enough (about 100 characters) for the bars' parts to be read.
    const [from, to] = chart.position!;
    expect(from).toBe('A11');
    const lastCol = /^([A-Z]+)/.exec(to)![1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const widthPts = [...Array(lastCol).keys()].reduce((n, c) => n + (sheet.columnWidths.get(c + 1) ?? 0), 0);
    expect(widthPts / 7).toBeGreaterThanOrEqual(90);
    // The header wraps, so 对党建工作重视程度·好+较好率 shows whole in its narrow column.
    expect(sheet.formats.get(3 * 16_384 + 5)?.wrap).toBe(true);
    expect(cellText(doc, '约谈名单', 4, 1)).toBe('孙长山');
  });

  it('is as strict as Excel about a chart’s series: no series past the source’s columns, categories as long as the values', async () => {
    const doc = SimWorkbook.from([{ name: '表', rows: [['甲', 1, 2], ['乙', 3, 4]] }]);
    const { ctx } = context(doc);
    const ws = ctx.workbook.worksheets.getItem('表');
    const chart = ws.charts.add('BarStacked' as Excel.ChartType, ws.getRange('B1:C2'), 'Columns' as Excel.ChartSeriesBy);
    chart.series.getItemAt(2).name = '第三个';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    const again = ws.charts.add('BarStacked' as Excel.ChartType, ws.getRange('B1:C2'), 'Columns' as Excel.ChartSeriesBy);
    again.series.getItemAt(1).setXAxisValues(ws.getRange('A1:A1'));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    // As in Excel, what came before the failing call in the batch stays: the charts exist, their series unnamed.
    expect(doc.sheet('表')!.charts.flatMap((c) => c.series.map((s) => s.name ?? null))).toEqual([null, null, null, null]);
  });

  it('checks the 述职评议 sample inside Excel: the report carries the tally, 测评汇总 gets its chart, the user’s sheets stay as they were', async () => {
    const bytes = readFileSync(join(__dirname, '..', '..', 'assets', 'samples', '党组织书记述职评议测评-2017.xlsx'));
    const doc = await simFromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '党组织书记述职评议测评-2017.xlsx');
    const before = JSON.stringify([...doc.sheet('测评票')!.cells]);
    const { ctx } = context(doc);
    const outcome = await checkWorkbook(ctx, options({}, { fileName: '党组织书记述职评议测评-2017.xlsx' }));
    expect(outcome.report.ballot!.persons).toHaveLength(12);
    expect(outcome.report.ballot!.persons.filter((p) => p.interview).map((p) => p.person)).toEqual(['孙长山', '郑宝山']);
    expect(outcome.tabNames).toMatchObject({ ballot: '测评汇总', interviews: '约谈名单' });
    const chart = doc.sheet('测评汇总')!.charts[0];
    expect(chart.type).toBe('BarStacked');
    expect(chart.series.map((x) => x.name)).toEqual(['好', '较好', '一般', '差']);
    expect(chart.series[0].categories).toBe('B4:B15');
    expect(JSON.stringify([...doc.sheet('测评票')!.cells])).toBe(before);
  });
});
