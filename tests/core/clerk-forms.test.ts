import { totalsLabel } from '../../src/core/detect';
import { dayFromYmd, readDate } from '../../src/core/read/date';
import { looksLikeUnit } from '../../src/core/read/person';
import { CellValue } from '../../src/core/workbook';
import { aidRows, AID_HEADER, AID_WINDOW, check, responsibilityRows, sheet } from '../helpers/grid';

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
    ['2017年度', day(2017, 12, 31)],
    ['2017年3季度', day(2017, 9, 30)],
    ['2017年7月1日-12月31日', day(2017, 12, 31)],
    ['2017年7月-12月', day(2017, 12, 31)],
    ['2017.7-2017.12', day(2017, 12, 31)],
  ])('%s is a date', (text, expected) => {
    const r = readDate(text, 2017);
    expect(r.kind).toBe('date');
    expect(r.kind === 'date' && r.day).toBe(expected);
  });
  it.each(['每半年', '即时', '立即', '即日起', '按上级要求', '与上级同步'])('%s is an ongoing duty', (text) => expect(readDate(text, 2017).kind).toBe('ongoing'));
  it('nonsense is still not a date', () => {
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

describe('more of what offices write', () => {
  it('— or 无 in a money cell is nothing, as SUM reads it: no finding, the household counts', () => {
    const r = check([sheet('东昌府区', aidRows((rows) => { rows[3][8] = '—'; rows[4][8] = 0; rows[4][9] = 800; rows[2][8] = '无'; rows[2][9] = 500; }))], AID_WINDOW);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.aid!.total.households).toBe(3);
    expect(r.aid!.total.amount).toBe(2300);
  });

  it('a 栏次 row that states its equation (4=2+3) is still the 栏次 row', () => {
    const base = aidRows();
    const stub = ['甲', '乙', '丙', '丁', '戊', '1', '己', '2', '3', '4=2+3', '庚', '辛', '壬'];
    const r = check([sheet('东昌府区', [base[0], AID_HEADER, stub, ...base.slice(2)])], AID_WINDOW);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.tables[0].table.stubRow).toBe(3);
    expect(r.aid!.total.households).toBe(3);
  });

  it('a 说明 tab of prose beside a ledger is a note, not a warning; alone it blocks', () => {
    const prose = sheet('说明', [['填表说明'], ['一、本表由各乡镇计生办填写，每户一行。'], ['二、金额单位为元，身份证号须为18位。']]);
    const withLedger = check([sheet('东昌府区', aidRows()), prose], AID_WINDOW);
    expect(withLedger.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(withLedger.findings.filter((f) => f.rule === 'layout.no-header').map((f) => f.severity)).toEqual(['info']);
    const alone = check([prose], AID_WINDOW);
    expect(alone.findings.filter((f) => f.rule === 'layout.no-header').map((f) => f.severity)).toEqual(['error']);
  });

  it('重点工作 is the task column of a 工作台账', () => {
    const r = check([sheet('台账', responsibilityRows((rows) => { rows[1] = rows[1].map((h) => (h === '测评项目' ? '重点工作' : h)); }))]);
    expect(r.tables[0].table.columns.item).toBe(2);
  });
});
