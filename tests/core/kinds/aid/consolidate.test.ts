import fc from 'fast-check';
import { AidGroup, AidTotals, doubtedCells } from '../../../../src/core/kinds/aid/consolidate';
import { runCheck } from '../../../../src/core/pipeline';
import { renderMessage } from '../../../../src/core/messages';
import { buildReport, ReportSchema } from '../../../../src/core/report';
import { checkCharacter } from '../../../../src/core/read/id-number';
import { parseSettings } from '../../../../src/core/settings';
import { summaryTabs } from '../../../../src/core/summary/tabs';
import { CellValue } from '../../../../src/core/workbook';
import { sheet } from '../../../helpers/grid';
import { checkSeeingHouseholds } from '../../../helpers/households-seen';

const id = (region: string, birth: string, seq: number) => {
  const first = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first + checkCharacter(first);
};
const A = id('371502', '19500101', 11);
const B = id('371502', '19620315', 23);
const C = id('371502', '19480704', 35);
const D = id('371502', '19550909', 47);
const E = id('371502', '19560315', 51);
const F = id('371502', '19620101', 62);
const G = id('371502', '19700202', 73);
const H = id('371521', '19580808', 84);

// 侯营镇 in 元 with a 资金来源 column: a 0.08 (万元 typed into 元) and a text amount.
const houying: CellValue[][] = [
  ['东昌府区侯营镇帮扶救助台账'],
  ['户主姓名', '身份证号', '家庭人口', '困难类型', '慰问金（元）', '慰问品折款（元）', '合计（元）', '资金来源'],
  ['王秀英', A, 3, '失独', 500, 300, 800, '政府投入'],
  ['李建国', B, 2, '伤残', 1000, 0, 1000, '部门筹集'],
  ['刘芳', C, 1, '低保', 0.08, 0, 0.08, '政府投入'],
  ['陈明', D, 2, '失独', '五百', 0, 500, '政府投入'],
];
// 堂邑镇 in 万元 with one column per source: 500 typed in 元 into the 慰问金（万元） column.
const tangyi: CellValue[][] = [
  ['东昌府区堂邑镇帮扶救助台账（万元）'],
  ['户主', '公民身份号码', '人口数', '慰问金（万元）', '慰问品折款（万元）', '合计（万元）', '政府投入（万元）', '企事业赞助（万元）', '家庭类型'],
  ['张志强', E, 4, 0.05, 0.02, 0.07, 0.05, 0.02, '低保'],
  ['赵玉兰', F, 1, 0.1, 0, 0.1, 0.1, 0, '失独'],
  ['孙丽', G, 2, 500, 0.02, 500.02, 500.02, 0, '低保'],
];
// 阿城镇 in 元, no goods column: 王秀英 again (aided twice?), 李建国's ID under another name, a bare 合计.
const acheng: CellValue[][] = [
  ['户主姓名', '身份证号', '家庭人口', '慰问金', '合计', '资金来源'],
  ['王秀英', A, 3, 600, 600, '社会捐助'],
  ['李四', B, 1, 300, 300, '社会捐助'],
  ['周五', H, 2, null, 400, ''],
];

const settings = parseSettings({ asOf: '2017-07-15' });
const books = [
  { name: '东昌府区.xlsx', sheets: [sheet('侯营镇', houying), sheet('堂邑镇', tangyi)] },
  { name: '阳谷县台账.xlsx', sheets: [sheet('阿城镇', acheng)] },
];
const result = runCheck(books, settings, { today: '2017-07-15' });
const aid = result.aid!;

const fen = (n: number) => Math.round(n * 100);
/** A summary row's own arithmetic: parts add up to the total, and so do the sources. */
function holds(g: AidTotals & Partial<AidGroup>) {
  expect(fen(g.cash) + fen(g.goods) + fen(g.unsplit)).toBe(fen(g.amount));
  if (g.sources) expect(Object.values(g.sources).reduce((s, v) => s + fen(v), 0)).toBe(fen(g.amount));
}

describe('aid consolidation (hand-computed)', () => {
  it('totals only the verified money; doubted amounts are counted apart as 待核实', () => {
    // Verified: 侯营镇 800 + 1000, 堂邑镇 700 + 1000, 阿城镇 600 + 300 + 400 (a bare 合计) = 4800.
    // Pending: 0.08 (2 cells: 慰问金 and 合计), 五百 with a 合计 of 500 (1 cell), 500 万元 in 堂邑镇
    // (慰问金, 合计 and 政府投入 all 元-sized in 万元 columns: 3 cells, 5,000,200 元 at face value).
    expect(aid.total).toEqual({
      households: 7,
      persons: 16,
      cash: 3900,
      goods: 500,
      unsplit: 400,
      amount: 4800,
      pending: { households: 3, values: 6, amount: 5_000_700.08 },
    });
  });

  it('lists in 检查结果 every cell it keeps out of the totals', () => {
    const doubts = doubtedCells(result.findings);
    const { households } = checkSeeingHouseholds(books, settings);
    expect(households).toHaveLength(10);
    const cells = households.flatMap((at) => [...(doubts.get(at.file, at.sheet, at.household.row) ?? [])].map((c) => `${at.sheet}!${c}`)).sort();
    expect(cells).toEqual(['侯营镇!E5', '侯营镇!E6', '侯营镇!G5', '堂邑镇!D5', '堂邑镇!F5', '堂邑镇!G5']);
    const tab = summaryTabs({ result, lang: 'zh', linkFile: null, runAt: '2017-07-15 10:00', toolVersion: 't' })[0];
    const col = (h: string) => tab.columns.findIndex((c) => c.header === h);
    const listed = tab.rows.map((r) => `${r[col('工作表')]}!${r[col('单元格')]}`);
    for (const c of cells) expect(listed).toContain(c);
  });

  it('keeps every summary row adding up: 慰问金 + 慰问品折款 (+ 未分列) = 合计 = the sources', () => {
    holds({ ...aid.total, sources: Object.fromEntries(aid.bySource.map((s) => [s.source, s.amount])) });
    for (const g of [...aid.byCounty, ...aid.byTownship]) holds(g);
  });

  it('groups by county and township, each with its verified and pending figures', () => {
    expect(aid.byCounty.map((c) => [c.county, c.households, c.persons, c.cash, c.goods, c.unsplit, c.amount, c.pending])).toEqual([
      ['东昌府区', 4, 10, 3000, 500, 0, 3500, { households: 3, values: 6, amount: 5_000_700.08 }],
      ['阳谷县', 3, 6, 900, 0, 400, 1300, { households: 0, values: 0, amount: 0 }],
    ]);
    expect(aid.byTownship.map((t) => [t.township, t.households, t.amount, t.pending.values, t.pending.amount])).toEqual([
      ['侯营镇', 2, 1800, 3, 500.08],
      ['堂邑镇', 2, 1700, 3, 5_000_200],
      ['阿城镇', 3, 1300, 0, 0],
    ]);
    expect(aid.byCounty[0].sheets).toEqual([
      { file: '东昌府区.xlsx', sheet: '侯营镇' },
      { file: '东昌府区.xlsx', sheet: '堂邑镇' },
    ]);
    expect(aid.byCounty[0].sources).toEqual({ 政府投入: 2300, 部门筹集: 1000, 企事业赞助: 200 });
  });

  it('totals by fund source and by hardship type from verified money', () => {
    expect(aid.bySource).toEqual([
      { source: '政府投入', amount: 2300 },
      { source: '部门筹集', amount: 1000 },
      { source: '社会捐助', amount: 900 },
      { source: '未注明', amount: 400 },
      { source: '企事业赞助', amount: 200 },
    ]);
    expect(aid.byType.map((t) => [t.type, t.households, t.amount, t.pending.values, t.pending.amount])).toEqual([
      ['失独', 2, 1800, 1, 500],
      ['未注明', 3, 1300, 0, 0],
      ['伤残', 1, 1000, 0, 0],
      ['低保', 1, 700, 5, 5_000_200.08],
    ]);
  });

  it('lists each group’s sheets and fund sources in the order their first rows came, types and townships interleaved', () => {
    const head = ['乡镇', '户主姓名', '身份证号', '家庭人口', '困难类型', '慰问金（元）', '合计（元）', '资金来源'];
    const p = (i: number) => id('371502', '19600101', 100 + i);
    // 甲镇's first 部门筹集 row is doubted (五百): its next one, in sheet 二, places 部门筹集 after 社会捐助.
    const one: CellValue[][] = [
      head,
      ['甲镇', '户1', p(1), 1.5, '失独', 100, 100, '政府投入'],
      ['乙镇', '户2', p(2), 1, '低保', 200, 200, '部门筹集'],
      ['甲镇', '户3', p(3), 2, '低保', '五百', 500, '部门筹集'],
      ['甲镇', '户4', p(4), 2.25, '低保', 300, 300, '社会捐助'],
    ];
    const two: CellValue[][] = [
      head,
      ['乙镇', '户5', p(5), 3, '失独', 400, 400, '社会捐助'],
      ['甲镇', '户6', p(6), 1, '低保', 500, 500, '部门筹集'],
      ['甲镇', '户7', p(7), 0.1, '低保', '五百', 500, '企事业赞助'],
      ['乙镇', '户8', p(8), 0.2, '低保', 700, 700, '政府投入'],
    ];
    const a = runCheck([{ name: '东昌府区.xlsx', sheets: [sheet('一', one), sheet('二', two)] }], settings, { today: '2017-07-15' }).aid!;
    expect(a.byTownship.map((t) => [t.township, Object.keys(t.sources), t.sheets.map((s) => s.sheet), t.persons])).toEqual([
      ['甲镇', ['政府投入', '社会捐助', '部门筹集'], ['一', '二'], 5],
      ['乙镇', ['部门筹集', '社会捐助', '政府投入'], ['一', '二'], 4],
    ]);
    // 户7's 五百 is doubted too: its 企事业赞助 is no source of verified money, and neither doubted row's persons count.
    expect(Object.keys(a.byCounty[0].sources)).toEqual(['政府投入', '部门筹集', '社会捐助']);
    expect(a.byCounty[0].sheets.map((s) => s.sheet)).toEqual(['一', '二']);
    expect([a.total.persons, a.total.households, a.total.pending.households]).toEqual([Math.round(1.5 + 2.25 + 1 + 1 + 3 + 0.2), 6, 2]);
    expect(a.byType.map((t) => [t.type, t.households, t.amount])).toEqual([
      ['低保', 4, 1700],
      ['失独', 2, 500],
    ]);
  });

  it('says it in one sentence, the same in the JSON report and under 帮扶汇总’s title', () => {
    const report = ReportSchema.parse(buildReport(result, 'zh', 't'));
    expect(report.aid!.headline).toBe('已核实 7 户 0.48 万元；另有 6 处金额待核实（见检查结果）');
    const tab = summaryTabs({ result, lang: 'zh', linkFile: null, runAt: '2017-07-15 10:00', toolVersion: 't' }).find((t) => t.role === 'aid')!;
    expect(tab.subtitle.startsWith(report.aid!.headline)).toBe(true);
    const header = tab.columns.map((c) => c.header);
    const total = tab.rows[0];
    const at = (h: string) => total[header.indexOf(h)];
    expect([at('户数'), at('慰问金（元）'), at('慰问品折款（元）'), at('未分列（元）'), at('合计（元）'), at('待核实户数'), at('待核实金额（处）'), at('待核实金额（元，账面数）')]).toEqual([7, 3900, 500, 400, 4800, 3, 6, 5_000_700.08]);
    expect(buildReport(runCheck([books[1]], settings, { today: '2017-07-15' }), 'zh', 't').aid!.headline).toBe('已核实 3 户 0.13 万元；没有待核实的金额');
  });

  it('quotes money the way the cell shows it, with 元 in brackets when converted', () => {
    const msg = (sheetName: string, cell: string, rule: string) => {
      const f = result.findings.find((x) => x.sheet === sheetName && x.cell === cell && x.rule === rule)!;
      return renderMessage(f.rule, f.params, 'zh').message;
    };
    expect(msg('侯营镇', 'E5', 'amount.unit')).toBe('E5 的慰问金 0.08 元看起来是以万元为单位，而本列单位是元。');
    expect(msg('堂邑镇', 'D5', 'amount.unit')).toBe('D5 的慰问金 500（万元）看起来是以元为单位，而本列单位是万元。');
    expect(msg('堂邑镇', 'F5', 'amount.outlier')).toBe('F5 的每户金额 500.02（万元，合 5,000,200 元）超过上限 5000 元。');
    const mixed = runCheck([{ name: 'x.xlsx', sheets: [sheet('堂邑镇', [tangyi[0], tangyi[1], ['钱七', E, 1, 0.05, 0.02, 0.08, 0.08, 0, '低保']])] }], settings, { today: '2017-07-15' });
    const f = mixed.findings.find((x) => x.rule === 'amount.sum-mismatch')!;
    expect(renderMessage(f.rule, f.params, 'zh').message).toBe('F3：慰问金 + 慰问品折款 ≠ 合计，0.07 ≠ 0.08（万元；合 700 元 ≠ 800 元，相差 100 元）。');
  });

  it('says what each household found in two places likely is', () => {
    expect(aid.duplicates.map((d) => [d.id, d.kind, d.places.map((p) => `${p.county} ${p.township} ${p.head} ${p.sheet}!${p.cell} ${p.amount}`)])).toEqual([
      ['371502********011' + A.slice(-1), 'aided-twice', ['东昌府区 侯营镇 王秀英 侯营镇!B3 800', '阳谷县 阿城镇 王秀英 阿城镇!B2 600']],
      ['371502********023' + B.slice(-1), 'id-mistyped', ['东昌府区 侯营镇 李建国 侯营镇!B4 1000', '阳谷县 阿城镇 李四 阿城镇!B3 300']],
    ]);
    const tab = summaryTabs({ result, lang: 'zh', linkFile: null, runAt: 'now', toolVersion: 't' }).find((t) => t.role === 'duplicates')!;
    const header = tab.columns.map((c) => c.header);
    expect(header).toEqual(['组', '可能情况', '身份证号', '户主姓名', '县（市、区）', '乡镇（街道）', '金额（元）', '文件', '工作表', '单元格', '核查结果']);
    expect(tab.rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[7]])).toEqual([
      [1, '同一人登记在多处：可能重复救助，待核实', '王秀英', '东昌府区', '侯营镇', '东昌府区.xlsx'],
      [1, '同一人登记在多处：可能重复救助，待核实', '王秀英', '阳谷县', '阿城镇', '阳谷县台账.xlsx'],
      [2, '同一号码、不同姓名：某处身份证号可能录错', '李建国', '东昌府区', '侯营镇', '东昌府区.xlsx'],
      [2, '同一号码、不同姓名：某处身份证号可能录错', '李四', '阳谷县', '阿城镇', '阳谷县台账.xlsx'],
    ]);
    // The file column is as wide as the longest name (a Chinese character counts two): nothing cut off.
    expect(tab.columns[7].width).toBeGreaterThanOrEqual('阳谷县台账.xlsx'.length + 5);
    expect(tab.subtitle).toMatch(/^共 2 个号码出现在多处：1 个姓名相同（可能重复救助），1 个姓名不同（号码可能录错）/);
    expect(result.findings.filter((f) => f.rule === 'household.cross-duplicate').map((f) => f.file)).toEqual(['东昌府区.xlsx', '东昌府区.xlsx', '阳谷县台账.xlsx', '阳谷县台账.xlsx']);
  });
  it('lists the same households found in two places when the duplicate checks are switched off', () => {
    const off = parseSettings({ asOf: '2017-07-15', rules: { 'household.duplicate': { enabled: false }, 'household.cross-duplicate': { enabled: false }, 'household.name-duplicate': { enabled: false } } });
    const quiet = runCheck(books, off, { today: '2017-07-15' });
    expect(quiet.findings.some((f) => f.rule.startsWith('household.'))).toBe(false);
    expect(quiet.aid!.duplicates).toEqual(aid.duplicates);
    expect(aid.duplicates).toHaveLength(2);
  });

  it('lists each ID in the order first seen and its places in order, an old 15-digit number with its 18-digit form, checks on or off', () => {
    // X comes first, but Y is found twice first; X is in two files, once as its 15-digit number.
    const X = id('371502', '19500101', 91);
    const Y = id('371502', '19600101', 92);
    const header = ['户主姓名', '身份证号', '慰问金', '合计'];
    const twice = [
      { name: 'a.xlsx', sheets: [sheet('侯营镇', [header, ['甲', X, 100, 100], ['乙', Y, 200, 200], ['乙', Y, 300, 300]])] },
      { name: 'b.xlsx', sheets: [sheet('七级镇', [header, ['甲', X, 400, 400], ['丁', '371502500101091', 600, 600]])] },
    ];
    const listed = (s: typeof settings) =>
      runCheck(twice, s, { today: '2017-07-15' }).aid!.duplicates.map((d) => [d.id, d.kind, d.places.map((p) => `${p.file} ${p.sheet}!${p.cell} ${p.head} ${p.amount}`)]);
    const expected = [
      ['371502********' + X.slice(-4), 'id-mistyped', ['a.xlsx 侯营镇!B2 甲 100', 'b.xlsx 七级镇!B2 甲 400', 'b.xlsx 七级镇!B3 丁 600']],
      ['371502********' + Y.slice(-4), 'aided-twice', ['a.xlsx 侯营镇!B3 乙 200', 'a.xlsx 侯营镇!B4 乙 300']],
    ];
    expect(listed(settings)).toEqual(expected);
    // Every duplicate rule off: no check indexes the IDs, and the summary finds them alone.
    const off = parseSettings({ asOf: '2017-07-15', rules: { 'household.duplicate': { enabled: false }, 'household.cross-duplicate': { enabled: false }, 'household.name-duplicate': { enabled: false } } });
    expect(listed(off)).toEqual(expected);
  });
});

describe('aid consolidation (property)', () => {
  const money = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -500, max: 9000 }),
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.constantFrom('五百', '500元', '0.05万元', '', '—'),
  );
  it('keeps every row adding up, and verified plus pending is what the rows say, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money, money, money, money, money, fc.constantFrom('政府投入', '社会捐助', '')), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (cells, wan) => {
          const u = wan ? '（万元）' : '（元）';
          const rows: CellValue[][] = [
            ['户主姓名', '身份证号', `慰问金${u}`, `慰问品折款${u}`, `合计${u}`, `政府投入${u}`, `社会捐助${u}`, '资金来源'],
            ...cells.map((c, i) => [`户${i}`, id('371502', '19600101', i + 1), ...c]),
          ];
          const { result: r, households } = checkSeeingHouseholds([{ name: 'p.xlsx', sheets: [sheet('七级镇', rows)] }], settings);
          const a = r.aid!;
          holds({ ...a.total, sources: Object.fromEntries(a.bySource.map((s) => [s.source, s.amount])) });
          for (const g of [...a.byCounty, ...a.byTownship]) holds(g);
          expect(a.total.households + a.total.pending.households).toBe(cells.length);
          const face = households.reduce((s, h) => s + fen(h.household.amount), 0);
          expect(fen(a.total.amount) + fen(a.total.pending.amount)).toBe(face);
        },
      ),
      { numRuns: 150 },
    );
  });
});
