import { detectSheet, Table } from '../../src/core/detect';
import { KINDS } from '../../src/core/kinds/registry';
import { Grid } from '../../src/core/grid';
import { CellValue } from '../../src/core/workbook';
import { sheet } from '../helpers/grid';

function detect(rows: CellValue[][], merges: string[] = []): Table {
  const d = detectSheet(new Grid(sheet('表', rows, merges)), KINDS);
  if (!d.ok) throw new Error(`no table: ${d.reason.en}`);
  return d.table;
}

describe('table detection', () => {
  it('reads a row by its own first cells, whatever the row before it showed', () => {
    const t = detect([
      ['序号', '工作任务', '责任单位', '责任人', '完成时限', '分值', '得分'],
      [1, '公益广告', '宣传科', '李敏', '2017年6月30日', 50, 50],
      ['一组', '小计', null, null, null, 50, 50],
      [null, null, null, null, null, null, '见说明'],
      [2, '志愿服务', '医政科', '张伟', '长期', 50, 45],
    ]);
    // Row 4 shows one cell: the 小计 of row 3 is not read as its second.
    expect(t.subtotalRows).toEqual([3]);
    expect(t.dataRows).toContain(5);
  });

  it('finds the header below a title and a 填报单位 line, and stops at the 合计 row and footer', () => {
    const t = detect([
      ['某市创建全国文明城市目标任务分解表'],
      ['填报单位：创城办', null, null, '填报日期：2017年7月10日'],
      ['序号', '工作任务', '责任单位', '责任人', '完成时限', '分值', '得分'],
      [1, '公益广告', '宣传科', '李敏', '2017年6月30日', 50, 50],
      [2, '志愿服务', '医政科', '张伟', '长期', 50, 45],
      ['合计', null, null, null, null, 100, 95],
      [null],
      ['填表人：王敏', null, '审核人：刘德勇'],
    ]);
    expect(t.kind).toBe('responsibility');
    expect(t.headerRows).toEqual([3]);
    expect(t.dataRows).toEqual([4, 5]);
    expect(t.totalsRows).toEqual([6]);
    expect(t.columns).toMatchObject({ seq: 1, item: 2, leadUnit: 3, owner: 4, deadline: 5, maxScore: 6, score: 7 });
  });

  it('reads a merged two-row header with a group header over 得分 and 扣分原因', () => {
    const t = detect(
      [
        ['目标任务分解表'],
        ['序号', '测评项目', '责任单位', '责任人', '完成时限', '考核情况', null],
        [null, null, null, null, null, '得分', '扣分原因'],
        [1, '公益广告', '宣传科', '李敏', '2017年6月30日', 5, ''],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:G2'],
    );
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns).toMatchObject({ item: 2, leadUnit: 3, owner: 4, deadline: 5, score: 6, deductionReason: 7 });
    expect(t.dataRows).toEqual([4]);
    expect(t.unknownHeaders).toEqual([]);
  });

  it('works without a 序号 column and in any column order', () => {
    const t = detect([
      ['完成时限', '责任人', '分值', '牵头单位', '目标任务'],
      ['2017/6/30', '李敏', 10, '宣传科', '公益广告'],
    ]);
    expect(t.columns).toEqual({ deadline: 1, owner: 2, maxScore: 3, leadUnit: 4, item: 5 });
    expect(t.columns.seq).toBeUndefined();
  });

  it('accepts English headers', () => {
    const t = detect([
      ['No.', 'Task', 'Lead unit', 'Owner', 'Deadline', 'Points', 'Score'],
      [1, 'Posters', 'Publicity', 'Li Min', '2017-06-30', 10, 10],
    ]);
    expect(t.kind).toBe('responsibility');
    expect(Object.keys(t.columns).sort()).toEqual(['deadline', 'item', 'leadUnit', 'maxScore', 'owner', 'score', 'seq']);
  });

  it('tolerates line breaks, spaces and full-width brackets inside header cells', () => {
    const t = detect([['序 号', '测评\n项目', '责任\n单位', '具体\r\n责任人', '完成时限（年月日）', '分值（分）']]);
    expect(t.columns).toMatchObject({ seq: 1, item: 2, leadUnit: 3, owner: 4, deadline: 5, maxScore: 6 });
  });

  it('says why a sheet that is no table is not one', () => {
    const d = detectSheet(new Grid(sheet('说明', [['填表说明'], ['1. 请按时填报。'], ['2. 金额以元为单位。']])), KINDS);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.empty).toBe(false);
      expect(d.reason.zh).toContain('没有找到表头行');
    }
    const e = detectSheet(new Grid(sheet('空', [])), KINDS);
    expect(!e.ok && e.empty).toBe(true);
  });

  it('tells an aid ledger from a responsibility table', () => {
    const t = detect([
      ['计生困难家庭帮扶救助台账'],
      ['序号', '乡镇（街道）', '村（居）', '户主姓名', '身份证号', '家庭人口', '慰问金（元）', '合计'],
      [1, '东城街道', '李庄村', '王某', '11010519491231002X', 3, 500, 500],
    ]);
    expect(t.kind).toBe('aid');
    expect(t.reason.zh).toContain('帮扶救助台账');
  });

  it('keeps blank rows between data and drops blank rows at the end', () => {
    const t = detect([
      ['工作任务', '责任单位', '责任人', '完成时限'],
      ['a', '宣传科', '李敏', '长期'],
      [null, null],
      ['b', '宣传科', '李敏', '长期'],
      [],
      [],
    ]);
    expect(t.dataRows).toEqual([2, 4]);
    expect(t.blankRows).toEqual([3]);
  });

  it('skips a numbering row (1) (2) (3) under the header and records the numbers', () => {
    const t = detect([
      ['户主姓名', '身份证号', '合计', '慰问金', '慰问品折款'],
      ['（1）', '（2）', '（3）', '（4）', '（5）'],
      ['王某', '11010519491231002X', 800, 500, 300],
    ]);
    expect(t.dataRows).toEqual([3]);
    expect(t.numbered).toMatchObject({ 3: 'total', 4: 'cash', 5: 'goodsValue' });
  });

  it('honours a kind and column override', () => {
    const d = detectSheet(new Grid(sheet('表', [['甲', '乙', '丙'], ['x', 'y', 'z']])), KINDS, { kind: 'responsibility', headerRow: 1, columns: { item: 'A', owner: 'C' } });
    expect(d.ok && d.table.columns).toEqual({ item: 1, owner: 3 });
  });
});

describe('table detection under a merged title', () => {
  it('does not take a merged title row for the first row of a two-row header', () => {
    const t = detect(
      [
        ['东昌府区侯营镇2017年春节走访慰问计生困难家庭台账'],
        ['序号', '村（居）', '户主姓名', '身份证号码', '慰问金（元）', '合计（元）'],
        [1, '侯营村', '王某', '11010519491231002X', 500, 500],
      ],
      ['A1:F1'],
    );
    expect(t.headerRows).toEqual([2]);
    expect(t.dataRows).toEqual([3]);
  });
});
