import { detectSheet } from '../../../../src/core/detect';
import { KINDS } from '../../../../src/core/kinds/registry';
import { Grid } from '../../../../src/core/grid';
import { readBallotSheet } from '../../../../src/core/kinds/ballot/layout';
import { CellValue, SheetInput } from '../../../../src/core/workbook';
import { aidRows, responsibilityRows, sheet } from '../../../helpers/grid';
import { ballotSheet, GRADES, ITEMS, OTHER_COLUMNS, read, same, SATISFACTION, settings } from './fixtures';

const marks = (s: ReturnType<typeof read>) => s.ballots.map((b) => b.entries.map((e) => [e.person, e.unit, ...e.marks.map((m) => (m.state === 'valid' ? s.choices[m.choice] : m.state))]));
const none = (sh: SheetInput) => readBallotSheet(new Grid(sh), { choiceSets: settings().choiceSets, gradeItem: '总体评价', otherColumns: OTHER_COLUMNS });

describe('ticked grids', () => {
  it('reads items over merged choice cycles, persons (姓名 + 单位) and one ballot per sheet, with 实到 from the subtitle', () => {
    const s = read(ballotSheet('测评', [{ title: '党组织书记抓党建述职评议测评表', subtitle: '应到 45 人，实到 42 人', rows: [same('王伟', '市人民医院', 0), same('李敏', '市中医院', 3)] }]));
    expect(s.layout).toBe('grid');
    expect(s.items).toEqual(ITEMS);
    expect(s.choices).toEqual(GRADES);
    expect(s.headerRows).toEqual([3, 4]);
    expect(s.present).toMatchObject({ value: 42, at: { row: 2, col: 1 } });
    expect(s.titleAt).toEqual({ row: 1, col: 1 });
    expect(marks(s)).toEqual([[['王伟', '市人民医院', '好', '好', '好', '好', '好'], ['李敏', '市中医院', '差', '差', '差', '差', '差']]]);
    expect(s.reason.zh).toContain('测评票（勾选式）');
  });

  it('reads stacked ballots on one sheet, each block with its header (and title), blank rows between', () => {
    const sh = ballotSheet('测评', [
      { title: '述职评议测评表 票号：001', rows: [same('王伟', '市人民医院', 0)] },
      { title: '述职评议测评表　第 2 张', rows: [same('王伟', '市人民医院', 1)] },
      { rows: [same('王伟', '市人民医院', 2)] },
    ]);
    const s = read(sh);
    expect(s.ballots.map((b) => [b.label, b.header, b.firstItem])).toEqual([
      ['001', { row: 2, col: 1 }, { row: 4, col: 5 }],
      ['第 2 张', { row: 7, col: 1 }, { row: 9, col: 5 }],
      [null, { row: 11, col: 1 }, { row: 13, col: 5 }],
    ]);
    expect(marks(s).map((b) => b[0][2])).toEqual(['好', '较好', '一般']);
  });

  it('reads an item name written only in the first choice column, without merges', () => {
    const rows: CellValue[][] = [
      ['姓名', '单位', '廉政勤政', null, null, null, '总体评价', null, null, null],
      [null, null, '好', '较好', '一般', '差', '好', '较好', '一般', '差'],
      ['王伟', '市人民医院', null, '√', null, null, '✓', null, null, null],
    ];
    const s = read(sheet('Sheet1', rows));
    expect(s.items).toEqual(['廉政勤政', '总体评价']);
    expect(marks(s)).toEqual([[['王伟', '市人民医院', '较好', '好']]]);
  });

  it('reads a one-row header of choices as the one item named by the settings (总体评价)', () => {
    const rows: CellValue[][] = [
      ['群众满意度测评表（实到 30 人）'],
      ['序号', '被测评人', '所在单位', '满意', '基本满意', '不满意'],
      [1, '王伟', '市人民医院', 1, null, null],
      [2, '李敏', '市中医院', null, null, 'V'],
    ];
    const s = read(sheet('Sheet1', rows));
    expect(s.items).toEqual(['总体评价']);
    expect(s.choices).toEqual(SATISFACTION);
    expect(s.present?.value).toBe(30);
    expect(marks(s)).toEqual([[['王伟', '市人民医院', '满意'], ['李敏', '市中医院', '不满意']]]);
  });

  it('does not take a footer, a 合计 row or a signature line for a person', () => {
    const sh = ballotSheet('测评', [{ rows: [same('王伟', '市人民医院', 0)] }]);
    sh.rows.push([null, '合计'], [], ['测评人签字：', null, null, '日期：2017年2月17日']);
    expect(marks(read(sh))).toEqual([[['王伟', '市人民医院', '好', '好', '好', '好', '好']]]);
  });
});

describe('entry sheets (录入表)', () => {
  it('reads one row per ballot and person with 票号, words and codes alike', () => {
    const rows: CellValue[][] = [
      ['述职评议测评录入表'],
      ['票号', '姓名', '单位', '对党建工作重视程度', '廉政勤政', '总体评价', '备注'],
      ['001', '王伟', '市人民医院', '好', 'A', 1, null],
      ['001', '李敏', '市中医院', '较好', 'b', '２', null],
      ['002', '王伟', '市人民医院', '一般', 'C', 3, null],
      ['002', '李敏', '市中医院', '差', 'D', '4', '补录'],
    ];
    const s = read(sheet('录入', rows));
    expect(s.layout).toBe('entry');
    expect(s.items).toEqual(['对党建工作重视程度', '廉政勤政', '总体评价']);
    expect(s.ballots.map((b) => b.label)).toEqual(['001', '002']);
    expect(marks(s)).toEqual([
      [['王伟', '市人民医院', '好', '好', '好'], ['李敏', '市中医院', '较好', '较好', '较好']],
      [['王伟', '市人民医院', '一般', '一般', '一般'], ['李敏', '市中医院', '差', '差', '差']],
    ]);
  });

  it('reads a 票号 merged down over its rows, and the item names under a 测评项目 group header', () => {
    const rows: CellValue[][] = [
      ['票号', '姓名', '测评项目', null],
      [null, null, '廉政勤政', '总体评价'],
      [1, '王伟', '满意', '满意'],
      [null, '李敏', '不满意', '基本满意'],
      [2, '王伟', '满意', '基本满意'],
      [null, '李敏', '满意', '满意'],
    ];
    const s = read(sheet('录入', rows, ['A1:A2', 'B1:B2', 'C1:D1', 'A3:A4', 'A5:A6']));
    expect(s.choices).toEqual(SATISFACTION);
    expect(s.items).toEqual(['廉政勤政', '总体评价']);
    expect(s.ballots.map((b) => [b.label, b.entries.length])).toEqual([
      ['1', 2],
      ['2', 2],
    ]);
  });

  it('reads an entry sheet of two or more item columns without any word saying ballots', () => {
    const rows: CellValue[][] = [['姓名', '单位', '政治素质', '工作能力'], ['王伟', '市人民医院', 'A', 1], ['李敏', '市中医院', 'C', 'D']];
    expect(marks(read(sheet('Sheet1', rows)))).toEqual([[['王伟', '市人民医院', '好', '好'], ['李敏', '市中医院', '一般', '差']]]);
    // One such column needs a 票号 or a word such as 测评.
    expect(none(sheet('Sheet1', rows.map((r) => r.slice(0, 3))))).toBeNull();
  });

  it('reads 工作效率 as an item and 好票率 / 满意率 as the sheet\'s own rates', () => {
    const rows: CellValue[][] = [['测评表编号', '姓名', '服务态度', '工作效率', '办事效率', '满意率', '好票率'], ['001', '王伟', '满意', '基本满意', '不满意', '80%', '0.5']];
    expect(read(sheet('群众评议', rows)).items).toEqual(['服务态度', '工作效率', '办事效率']);
  });

  it('takes the k-th row of a person as ballot k when there is no 票号', () => {
    const rows: CellValue[][] = [['姓名', '总体评价'], ['王伟', '好'], ['李敏', '差'], ['王伟', '较好'], ['李敏', '一般']];
    const s = read(sheet('测评录入', rows));
    expect(marks(s)).toEqual([[['王伟', '', '好'], ['李敏', '', '差']], [['王伟', '', '较好'], ['李敏', '', '一般']]]);
  });
});

describe("an office's tally (计票表)", () => {
  it('reads counts under items × choices as a tally, by its numbers or by its title', () => {
    const rows: CellValue[][] = [
      ['姓名', '单位', '总体评价', null, null, null],
      [null, null, '好', '较好', '一般', '差'],
      ['王伟', '市人民医院', 30, 10, 2, 0],
      ['李敏', '市中医院', 20, 12, 8, 2],
    ];
    const s = read(sheet('Sheet1', rows, ['C1:F1']));
    expect(s.layout).toBe('tally');
    expect(s.tally.map((t) => [t.person, t.cells[0].map((c) => c.value)])).toEqual([
      ['王伟', [30, 10, 2, 0]],
      ['李敏', [20, 12, 8, 2]],
    ]);
    // Choice headers as a tally writes them: 好（票）, 较好票数.
    const written = read(sheet('Sheet1', [rows[0], [null, null, '好（票）', '较好票数', '一般票', '差(票)'], ...rows.slice(2)], ['C1:F1']));
    expect(written.choices).toEqual(GRADES);
    expect(written.tally).toHaveLength(2);
    // Only ones and zeros, but its title says 统计.
    const small = read(sheet('Sheet1', [['测评结果统计'], ...rows.slice(0, 2), ['王伟', '市人民医院', 1, 0, 0, 0]], ['C2:F2']));
    expect(small.layout).toBe('tally');
  });

  it('keeps a ballot ticked with √ a ballot when a 2 strays onto it, and takes a grid of numbers with a count above 1 for a tally', () => {
    const rows = [same('王伟', '市人民医院', 0), same('李敏', '市中医院', 1), { name: '张强', unit: '市妇幼保健院', marks: [[2, null, null, null], 0, 0, 0, 0] }];
    expect(read(ballotSheet('测评', [{ rows }])).layout).toBe('grid');
    const numbers = ballotSheet('测评', [{ rows }]);
    for (const r of numbers.rows) for (let c = 0; c < r.length; c++) if (r[c] === '√') r[c] = 1;
    expect(read(numbers).layout).toBe('tally');
    const ones = ballotSheet('测评', [{ rows: rows.slice(0, 2) }]);
    for (const r of ones.rows) for (let c = 0; c < r.length; c++) if (r[c] === '√') r[c] = 1;
    expect(read(ones).layout).toBe('grid');
  });
});

describe('kinds stay apart', () => {
  it('does not read a responsibility table or an aid ledger as ballots', () => {
    expect(none(sheet('任务', responsibilityRows()))).toBeNull();
    expect(none(sheet('台账', aidRows()))).toBeNull();
  });

  it('reads a 名单 of the persons rated, and not a ledger that calls itself a 名单', () => {
    const roster = read(sheet('述职人名单', [['序号', '姓名', '单位', '职务'], [1, '王伟', '市人民医院', '书记'], [2, '李敏', '市中医院', '院长']]));
    expect(roster.layout).toBe('roster');
    expect(roster.roster.map((p) => [p.person, p.unit])).toEqual([
      ['王伟', '市人民医院'],
      ['李敏', '市中医院'],
    ]);
    expect(none(sheet('困难家庭名单', aidRows()))).toBeNull();
    expect(none(sheet('Sheet1', [['姓名', '单位', '职务'], ['王伟', '市人民医院', '书记']]))).toBeNull();
  });

  it('does not read a table of names with a 1–4 column as an entry sheet', () => {
    expect(none(sheet('名单', [['姓名', '单位', '家庭人口'], ['王伟', '东街村', 3], ['李敏', '西街村', 4]]))).toBeNull();
    expect(none(sheet('名单', [['姓名', '单位', '年级'], ['王伟', '一中', 3], ['李敏', '二中', 1]]))).toBeNull();
    // Even on a sheet that says 测评: 家庭人口 is the aid kind's column, never an item.
    expect(none(sheet('测评', [['姓名', '单位', '家庭人口'], ['王伟', '东街村', 3], ['李敏', '西街村', 4]]))).toBeNull();
  });

  it('is not taken by the responsibility or aid detection: every kind is asked, the ballot kind wins', () => {
    const kindOf = (s: SheetInput) => {
      const d = detectSheet(new Grid(s), KINDS);
      return d.ok ? d.kind.id : null;
    };
    const grid = ballotSheet('测评', [{ title: '述职评议测评表', rows: [same('王伟', '市人民医院', 0)] }]);
    expect(kindOf(grid)).toBe('ballot');
    const entry = sheet('录入', [['票号', '姓名', '单位', '廉政勤政', '总体评价'], ['001', '王伟', '市人民医院', '好', 'A']]);
    expect(kindOf(entry)).toBe('ballot');
  });
});
