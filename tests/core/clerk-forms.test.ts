import { totalsLabel } from '../../src/core/detect';
import { dayFromYmd, readDate } from '../../src/core/read/date';
import { looksLikeUnit } from '../../src/core/read/person';
import { CellValue } from '../../src/core/workbook';
import { aidRows, AID_HEADER, AID_WINDOW, check, sheet } from '../helpers/grid';

// Forms an independent tester met in workbooks written the way county offices write them.

describe('deadlines as clerks write them', () => {
  const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d);
  it.each([
    ['2017年下半年', day(2017, 12, 31)],
    ['下半年', day(2017, 12, 31)],
    ['2017年上半年', day(2017, 6, 30)],
    ['6-12月', day(2017, 12, 31)],
    ['10月中旬', day(2017, 10, 20)],
    ['2017年11月上旬', day(2017, 11, 10)],
    ['第三季度', day(2017, 9, 30)],
    ['2018年第一季度', day(2018, 3, 31)],
    ['三季度末', day(2017, 9, 30)],
    ['2017年内', day(2017, 12, 31)],
    ['1月18号', day(2017, 1, 18)],
    ['2017年1月18号', day(2017, 1, 18)],
  ])('%s is a date', (text, expected) => {
    const r = readDate(text, 2017);
    expect(r.kind).toBe('date');
    expect(r.kind === 'date' && r.day).toBe(expected);
  });
  it('每半年 is an ongoing duty, and nonsense is still not a date', () => {
    expect(readDate('每半年', 2017).kind).toBe('ongoing');
    expect(readDate('第五季度', 2017).kind).toBe('invalid');
    expect(readDate('13月上旬', 2017).kind).toBe('invalid');
  });
});

describe('responsible persons whose given name ends like a unit', () => {
  it.each(['刘文科', '张艳会', '王秀会', '李国镇', '孙建社'])('%s is a person', (name) => expect(looksLikeUnit(name)).toBe(false));
  it.each(['办公室', '宣传科', '文明办', '卫生科', '林业站', '组织部', '疾控中心', '各科室'])('%s is a unit', (name) => expect(looksLikeUnit(name)).toBe(true));
});

describe('closing rows as clerks label them', () => {
  it.each([
    ['东街村小计（3户）', 'subtotal'],
    ['小计(3户)', 'subtotal'],
    ['合计（6户）', 'total'],
    ['合计：8户', 'total'],
    ['合计 8户', 'total'],
    ['本页累计', 'running'],
    ['累计', 'running'],
    ['3户', null],
  ])('%s → %s', (text, kind) => expect(totalsLabel(text)).toBe(kind));

  const money = (rows: CellValue[][], r: number) => rows[r].slice(7, 10) as number[];
  const sumRow = (label: string, rows: CellValue[][]) => {
    const cols = [0, 1, 2].map((i) => rows.reduce((s, r) => s + money([r], 0)[i], 0));
    return [label, '', '', '', '', '', '', ...cols];
  };

  it('a 累计 row after each page is neither a household nor its page subtotal; 以下空白 ends the table', () => {
    const base = aidRows();
    const p1 = base.slice(2, 4);
    const p2 = base.slice(4, 5);
    const rows: CellValue[][] = [
      base[0],
      AID_HEADER,
      ...p1,
      sumRow('本页小计', p1),
      sumRow('累计', p1),
      ...p2,
      sumRow('本页小计', p2),
      sumRow('累计', [...p1, ...p2]),
      ['以下空白'],
    ];
    const r = check([sheet('东昌府区', rows)], AID_WINDOW);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.aid!.total.households).toBe(3);
    expect(r.aid!.total.amount).toBe(2800);
  });

  it('小计（2户） and 合计（3户） close their groups and the table', () => {
    const base = aidRows();
    const g1 = base.slice(2, 4);
    const g2 = base.slice(4, 5);
    const rows: CellValue[][] = [base[0], AID_HEADER, ...g1, sumRow('侯营镇小计（2户）', g1), ...g2, sumRow('沙镇镇小计（1户）', g2), sumRow('合计（3户）', [...g1, ...g2])];
    const r = check([sheet('东昌府区', rows)], AID_WINDOW);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.aid!.total.households).toBe(3);
    expect(r.aid!.total.amount).toBe(2800);
  });
});

describe('a money unit on the 填报单位 line', () => {
  it('applies to the money columns, and the line is not taken for a header row', () => {
    const base = aidRows((rows) => {
      for (const r of rows.slice(2)) for (const c of [7, 8, 9]) r[c] = (r[c] as number) / 10_000;
    });
    const header = AID_HEADER.map((h) => h.replace('（元）', ''));
    const rows: CellValue[][] = [base[0], ['填报单位：东昌府区卫生和计划生育局', '', '', '', '', '', '', '', '', '金额单位：万元'], header, ...base.slice(2)];
    const r = check([sheet('东昌府区', rows)], AID_WINDOW);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.tables[0].table.headerRows).toEqual([3]);
    expect(r.aid!.total.amount).toBe(2800);
  });
});
