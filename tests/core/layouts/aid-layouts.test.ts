import { renderMessage } from '../../../src/core/messages';
import { CellValue } from '../../../src/core/workbook';
import { check, sheet } from '../../helpers/grid';
import { checkSeeingHouseholds } from '../../helpers/households-seen';
import { parseSettings } from '../../../src/core/settings';
import { at, id, problems } from './helpers';

const WINDOW = { window: { from: '2017-01-09', to: '2017-01-22' } };
const HEADER = ['序号', '村（居）', '户主姓名', '身份证号', '家庭人口', '困难类型', '慰问金', '慰问品折款', '合计', '慰问时间'];

/**
 * Family 3 and 4: village sections merged across the row, 东街村小计 / 本村合计 in any label
 * column, a 合计 row over the households only, a (1)(2)(3) 栏次 row, and year-less visit dates.
 */
function villageLedger(patch: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const rows: CellValue[][] = [
    ['侯营镇2017年春节走访慰问计生困难家庭台账'],
    ['填报单位：侯营镇计生办', null, null, null, null, null, null, null, '单位：元'],
    HEADER,
    ['栏次', '(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
    ['东街村'],
    [1, '东街村', '王秀英', id('19491231', 2), 3, '失独', 500, 300, 800, '1月10日'],
    [2, '东街村', '李建国', id('19560315', 11), 2, '伤残', 1000, 0, 1000, '1月13日'],
    [null, '东街村小计', null, null, 5, null, 1500, 300, 1800, null],
    ['西街村'],
    [3, '西街村', '张志强', id('19601001', 13), 4, '低保', 800, 200, 1000, '1月20日'],
    [null, null, '本村合计', null, 4, null, 800, 200, 1000, null],
    ['合计', null, null, null, 9, null, 2300, 500, 2800, null],
    ['填表人：王敏', null, '审核人：刘德勇', null, '联系电话：0635-8241234'],
  ];
  patch(rows);
  return rows;
}
const VILLAGE_MERGES = ['A1:J1', 'A5:J5', 'A9:J9'];
const runVillages = (patch?: (rows: CellValue[][]) => void) => check([sheet('侯营镇', villageLedger(patch), VILLAGE_MERGES)], WINDOW);

describe('aid ledger with village sections, subtotals and a 栏次 row', () => {
  it('the correct ledger: no error, no warning, exact totals from the households only', () => {
    const r = runVillages();
    expect(problems(r)).toEqual([]);
    const t = r.tables[0].table;
    expect(t.stubRow).toBe(4);
    expect(t.dataRows).toEqual([6, 7, 10]);
    expect(t.subtotalRows).toEqual([8, 11]);
    expect(t.totalsRows).toEqual([12]);
    expect(r.aid!.total).toEqual({ households: 3, persons: 9, cash: 2300, goods: 500, unsplit: 0, amount: 2800, pending: { households: 0, values: 0, amount: 0 } });
    const { households } = checkSeeingHouseholds([{ name: 'test.xlsx', sheets: [sheet('侯营镇', villageLedger(), VILLAGE_MERGES)] }], parseSettings({ asOf: '2017-07-15', ...WINDOW }));
    expect(households.map((h) => h.household.section)).toEqual(['东街村', '东街村', '西街村']);
    expect(r.aid!.byTownship).toEqual([expect.objectContaining({ township: '侯营镇', households: 3, amount: 2800 })]);
    const reason = r.files[0].sheets[0].reason.zh;
    expect(reason).toContain('栏次行第 4 行');
    expect(reason).toContain('2 个小计行');
    expect(reason).toContain('金额单位元（据第 2 行“单位：元”）');
  });

  it('a wrong subtotal is found at its own cell, checked against its group only', () => {
    const r = runVillages((rows) => (rows[7][6] = 1600));
    expect(problems(r)).toEqual(['total-row.mismatch@侯营镇!G8']);
    const f = r.findings[0];
    expect(f.params).toMatchObject({ found: 1600, expected: 1500, from: 6, to: 7 });
  });

  it('a 合计 that also adds the subtotals (data counted twice) is found at the 合计 cell', () => {
    const r = runVillages((rows) => (rows[11][8] = 5600));
    expect(problems(r)).toEqual(['total-row.mismatch@侯营镇!I12']);
    expect(r.findings[0].params).toMatchObject({ found: 5600, expected: 2800 });
  });

  it('year-less dates outside the campaign window are found', () => {
    const r = runVillages((rows) => (rows[9][9] = '2月5日'));
    expect(problems(r)).toEqual(['date.out-of-window@侯营镇!J10']);
  });

  it('a header printed again on the next page (with its 栏次 row) is not data, and 1.13 typed as text is 1月13日', () => {
    const rows = villageLedger((x) => {
      x.splice(8, 0, [...HEADER], ['栏次', '(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
      x[6][9] = '1.13';
    });
    const r = check([sheet('侯营镇', rows, ['A1:J1', 'A5:J5', 'A11:J11'])], WINDOW);
    expect(problems(r)).toEqual([]);
    expect(r.aid!.total.households).toBe(3);
  });

  it('a window across New Year dates 12月28日 in the old year and 1月13日 in the new', () => {
    const r = check([sheet('侯营镇', villageLedger((rows) => (rows[5][9] = '12月28日')), VILLAGE_MERGES)], { window: { from: '2016-12-25', to: '2017-01-22' } });
    expect(problems(r)).toEqual([]);
  });
});

describe('money typed as text (500元, 0.05万, ５００)', () => {
  it('is amount.not-number with the value it means, and the 合计 that SUM made without it is not blamed', () => {
    const r = runVillages((rows) => {
      rows[5][6] = '500元';
      rows[6][6] = '０.１万';
      rows[7][6] = 0; // the office's SUM skipped both texts
      rows[7][8] = 1800;
      rows[11][6] = 800;
    });
    expect(problems(r)).toEqual(['amount.not-number@侯营镇!G6', 'amount.not-number@侯营镇!G7']);
    const [a, b] = r.findings;
    expect(a.params.means).toBe(500);
    expect(b.params.means).toBe(1000);
    expect(renderMessage('amount.not-number', a.params, 'zh').message).toBe('G6 的慰问金“500元”是文本，不是数字；它表示 500 元，但 Excel 的 SUM 会跳过文本，合计因此少算。');
    expect(renderMessage('amount.not-number', b.params, 'zh').hint).toContain('改为数字 1000');
  });
});

/** Family 6: the unit only in a title line; the sheet is checked and consolidated in 万元. */
describe('units stated in a title line', () => {
  const rows = (patch: (r: CellValue[][]) => void = () => undefined) => {
    const r: CellValue[][] = [
      ['阳谷县2017年春节计生困难家庭帮扶救助台账'],
      ['（单位：万元）'],
      ['序号', '乡镇（街道）', '户主姓名', '身份证号', '家庭人口', '救助金', '资金来源'],
      [1, '阿城镇', '王秀英', id('19491231', 2, '371521'), 3, 0.08, '政府投入'],
      [2, '阿城镇', '李建国', id('19560315', 11, '371521'), 2, 0.05, '部门筹集'],
      ['合计', null, null, null, 5, 0.13, null],
    ];
    patch(r);
    return r;
  };
  it('0.08 in a 万元 sheet is 800 元, and the 合计 is compared in 万元', () => {
    const r = check([sheet('阳谷县', rows())]);
    expect(problems(r)).toEqual([]);
    expect(r.tables[0].table.units.cash).toBe('万元');
    expect(r.aid!.total).toMatchObject({ households: 2, cash: 1300, amount: 1300 });
    expect(r.aid!.byCounty[0].county).toBe('阳谷县');
    expect(r.files[0].sheets[0].reason.zh).toContain('金额单位万元（据第 2 行“（单位：万元）”）');
  });
  it('1000 typed in the 万元 sheet is the amount.unit mistake', () => {
    const r = check([sheet('阳谷县', rows((x) => ((x[4][5] = 1000), (x[5][5] = 1000.08))))]);
    expect(problems(r).sort()).toEqual(['amount.outlier@阳谷县!F5', 'amount.unit@阳谷县!F5']);
  });
});

/** Family 5: an in-workbook 汇总 tab, one row per township. */
describe('a 汇总 tab inside the workbook', () => {
  const town = (name: string, people: Array<[string, string, number]>): CellValue[][] => [
    [`${name}计生困难家庭帮扶救助台账`],
    ['序号', '户主姓名', '身份证号', '慰问金（元）'],
    ...people.map(([head, idn, cash], i) => [i + 1, head, idn, cash]),
    ['合计', null, null, people.reduce((s, p) => s + p[2], 0)],
  ];
  const book = (summary: CellValue[][]) => [
    sheet('汇总', summary),
    sheet('乐陵市市中街道', town('乐陵市市中街道', [['王秀英', id('19491231', 2, '371481'), 500], ['李建国', id('19560315', 11, '371481'), 800]])),
    sheet('杨安镇', town('乐陵市杨安镇', [['张志强', id('19601001', 13, '371481'), 1200]])),
  ];
  const summary = (patch: (r: CellValue[][]) => void = () => undefined) => {
    const r: CellValue[][] = [
      ['乐陵市计生困难家庭帮扶救助汇总表'],
      ['金额单位：万元'],
      ['序号', '乡镇（街道）', '走访户数', '慰问金'],
      [1, '市中街道', 2, 0.13],
      [2, '杨安镇', 1, 0.12],
      ['合计', null, 3, 0.25],
    ];
    patch(r);
    return r;
  };

  it('is recognised as a summary, reconciled per township, and never counted as households', () => {
    const r = check(book(summary()));
    expect(problems(r)).toEqual([]);
    expect(r.tables[0].table.layout).toBe('summary');
    expect(r.aid!.total).toEqual({ households: 3, persons: 0, cash: 2500, goods: 0, unsplit: 0, amount: 2500, pending: { households: 0, values: 0, amount: 0 } });
    expect(r.aid!.byTownship.map((t) => [t.county, t.township, t.households])).toEqual([
      ['乐陵市', '市中街道', 2],
      ['乐陵市', '杨安镇', 1],
    ]);
    expect(r.files[0].sheets[0].reason.zh).toContain('帮扶汇总表');
  });

  it('a wrong 户数 or amount is summary.mismatch at the summary cell', () => {
    const r = check(book(summary((s) => ((s[3][2] = 3), (s[4][3] = 0.2), (s[5][2] = 4), (s[5][3] = 0.33)))));
    expect(problems(r)).toEqual(['summary.mismatch@汇总!C4', 'summary.mismatch@汇总!D5']);
    const f = r.findings[0];
    expect(renderMessage('summary.mismatch', f.params, 'zh').message).toBe('汇总表 C4 中“市中街道”的户数为 3，而明细工作表（乐陵市市中街道）合计为 2（相差 1）。');
    expect(renderMessage('summary.mismatch', r.findings[1].params, 'zh').message).toContain('为 0.2 万元，而明细工作表（杨安镇）合计为 0.12 万元');
  });

  it('a township the tabs do not hold is reported', () => {
    const r = check(book(summary((s) => (s[4][1] = '郑店镇'))));
    expect(at(r, 'summary.mismatch')).toEqual(['汇总!B5']);
  });

  it('money typed as text in a tab agrees with a 汇总 that counts it, or that left it out as Excel’s SUM does', () => {
    // 市中街道: 500 and “800元” (text): 0.13 万元 with it, 0.05 without; anything else is wrong.
    const withText = (figure: number) =>
      check(
        book(summary((s) => ((s[3][3] = figure), (s[5][3] = figure + 0.12)))).map((sh) =>
          sh.name === '乐陵市市中街道' ? { ...sh, rows: sh.rows.map((r) => (r[1] === '李建国' ? [r[0], r[1], r[2], '800元'] : r)) } : sh,
        ),
      );
    expect(at(withText(0.13), 'summary.mismatch')).toEqual([]);
    expect(at(withText(0.05), 'summary.mismatch')).toEqual([]);
    expect(at(withText(0.08), 'summary.mismatch')).toEqual(['汇总!D4']);
    expect(at(withText(0.13), 'amount.not-number')).toEqual(['乐陵市市中街道!D4']);
  });
});

describe('a 汇总 tab of a township, one row per village', () => {
  it('is reconciled with the village tabs (or the village column), not reported as unknown places', () => {
    const village = (name: string, people: Array<[string, string, number]>): CellValue[][] => [
      ['序号', '村（居）', '户主姓名', '身份证号', '慰问金'],
      ...people.map(([head, idn, cash], i) => [i + 1, name, head, idn, cash]),
    ];
    const summary: CellValue[][] = [
      ['侯营镇帮扶救助汇总表'],
      ['序号', '村（居）', '户数', '慰问金'],
      [1, '东街村', 2, 1300],
      [2, '西街村', 1, 900],
      ['合计', null, 3, 2200],
    ];
    const sheets = [
      sheet('汇总', summary),
      sheet('东街村', village('东街村', [['王秀英', id('19491231', 2), 500], ['李建国', id('19560315', 11), 800]])),
      sheet('西街村', village('西街村', [['张志强', id('19601001', 13), 900]])),
    ];
    expect(problems(check(sheets))).toEqual([]);
    summary[3][3] = 1000;
    summary[4][3] = 2300;
    expect(problems(check(sheets))).toEqual(['summary.mismatch@汇总!D4']);
  });
});

describe('place names', () => {
  it('乐陵市市中街道 is county 乐陵市 and township 市中街道, in a column or a sheet name', () => {
    const rows: CellValue[][] = [
      ['序号', '乡镇（街道）', '户主姓名', '身份证号', '慰问金'],
      [1, '乐陵市市中街道', '王秀英', id('19491231', 2, '371481'), 500],
      [2, '聊城市东昌府区古楼街道', '李建国', id('19560315', 11), 800],
    ];
    const r = check([sheet('台账', rows)]);
    expect(problems(r)).toEqual([]);
    expect(r.aid!.byTownship.map((t) => [t.county, t.township])).toEqual([
      ['东昌府区', '古楼街道'],
      ['乐陵市', '市中街道'],
    ]);
  });
});
