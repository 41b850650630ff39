import { CellValue } from '../../src/core/workbook';
import { runCheck } from '../../src/core/engine';
import { parseSettings } from '../../src/core/settings';
import { sheet } from '../helpers/grid';

// 侯营镇 in 元 with a 资金来源 column; 堂邑镇 in 万元 with one column per source.
const houying: CellValue[][] = [
  ['东昌府区侯营镇帮扶救助台账'],
  ['户主姓名', '身份证号', '家庭人口', '困难类型', '慰问金（元）', '慰问品折款（元）', '合计（元）', '资金来源'],
  ['王秀英', '11010519491231002X', 3, '失独', 500, 300, 800, '政府投入'],
  ['李建国', '440524188001010014', 2, '伤残', 1000, 0, 1000, '部门筹集'],
];
const tangyi: CellValue[][] = [
  ['东昌府区堂邑镇帮扶救助台账（万元）'],
  ['户主', '公民身份号码', '人口数', '慰问金（万元）', '慰问品折款（万元）', '合计（万元）', '政府投入（万元）', '企事业赞助（万元）', '家庭类型'],
  ['张志强', '371502195603150014', 4, 0.05, 0.02, 0.07, 0.05, 0.02, '低保'],
  ['赵玉兰', '37150219620101002' + '0', 1, 0.1, 0, 0.1, 0.1, 0, '失独'],
];
const yanggu: CellValue[][] = [
  ['户主姓名', '身份证号', '家庭人口', '慰问金', '合计', '资金来源'],
  ['王秀英', '11010519491231002X', 3, 600, 600, '社会捐助'],
];

describe('aid consolidation (hand-computed)', () => {
  const settings = parseSettings({ asOf: '2017-07-15' });
  const result = runCheck(
    [
      { name: '东昌府区.xlsx', sheets: [sheet('侯营镇', houying), sheet('堂邑镇', tangyi)] },
      { name: '阳谷县台账.xlsx', sheets: [sheet('阿城镇', yanggu)] },
    ],
    settings,
    { today: '2017-07-15' },
  );
  const aid = result.aid!;

  it('adds up households, persons and money in 元, a 万元 tab converted', () => {
    // 800 + 1000 + 700 + 1000 + 600 = 4100; cash 500 + 1000 + 500 + 1000 + 600 = 3600; goods 300 + 200 = 500
    expect(aid.total).toEqual({ households: 5, persons: 13, cash: 3600, goods: 500, amount: 4100 });
  });

  it('groups by county from the title line or the file name, naming the source sheets and files', () => {
    expect(aid.byCounty.map((c) => [c.county, c.households, c.persons, c.cash, c.goods, c.amount])).toEqual([
      ['东昌府区', 4, 10, 3000, 500, 3500],
      ['阳谷县', 1, 3, 600, 0, 600],
    ]);
    expect(aid.byCounty[0].sheets).toEqual([
      { file: '东昌府区.xlsx', sheet: '侯营镇' },
      { file: '东昌府区.xlsx', sheet: '堂邑镇' },
    ]);
    expect(aid.byCounty[0].sources).toEqual({ 政府投入: 2300, 部门筹集: 1000, 企事业赞助: 200 });
  });

  it('groups by township from the sheet names, in pinyin order', () => {
    expect(aid.byTownship.map((t) => [t.county, t.township, t.households, t.amount])).toEqual([
      ['东昌府区', '侯营镇', 2, 1800],
      ['东昌府区', '堂邑镇', 2, 1700],
      ['阳谷县', '阿城镇', 1, 600],
    ]);
  });

  it('totals by fund source, whether sources come as a column or as one column each', () => {
    expect(aid.bySource).toEqual([
      { source: '政府投入', amount: 2300 },
      { source: '部门筹集', amount: 1000 },
      { source: '社会捐助', amount: 600 },
      { source: '企事业赞助', amount: 200 },
    ]);
  });

  it('totals by hardship type', () => {
    expect(aid.byType).toEqual([
      { type: '失独', households: 2, amount: 1800 },
      { type: '伤残', households: 1, amount: 1000 },
      { type: '低保', households: 1, amount: 700 },
      { type: '未注明', households: 1, amount: 600 },
    ]);
  });

  it('lists households found in more than one place, masked', () => {
    expect(aid.duplicates).toEqual([
      {
        id: '110105********002X',
        places: [
          { file: '东昌府区.xlsx', sheet: '侯营镇', cell: 'B3' },
          { file: '阳谷县台账.xlsx', sheet: '阿城镇', cell: 'B2' },
        ],
      },
    ]);
    expect(result.findings.filter((f) => f.rule === 'household.cross-duplicate').map((f) => f.file)).toEqual(['东昌府区.xlsx', '阳谷县台账.xlsx']);
  });
});
