import { renderMessage } from '../../../src/core/messages';
import { CellValue } from '../../../src/core/workbook';
import { check, sheet } from '../../helpers/grid';
import { at, problems } from './helpers';

/**
 * Family 1 (three header rows: 序号 split 一级/二级/三级; 责任分工 → 责任单位(牵头, 配合) /
 * 责任人(责任领导, 具体责任人)), family 2 (栏次 row), family 3 (section rows stating points),
 * family 10 (footers) and the header words of family 12, on one 目标任务分解表.
 */
const MERGES = ['A1:N1', 'A2:C2', 'D2:D4', 'E2:E4', 'F2:F4', 'G2:J2', 'K2:K4', 'L2:L4', 'M2:M4', 'N2:N4', 'A3:A4', 'B3:B4', 'C3:C4', 'G3:H3', 'I3:J3', 'A6:N6', 'A10:N10'];

function threeRowTable(patch: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const rows: CellValue[][] = [
    ['2017年创建全国文明城市目标任务分解表'],
    ['序号', null, null, '工作任务', '具体措施', '分值', '责任分工', null, null, null, '完成时限', '完成情况', '考核得分', '扣分原因'],
    ['一级', '二级', '三级', null, null, null, '责任单位', null, '责任人', null, null, null, null, null],
    [null, null, null, null, null, null, '牵头单位', '配合单位', '责任领导', '具体责任人', null, null, null, null],
    ['甲', '乙', '丙', '丁', '戊', 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ['一、宣传教育（60分）'],
    [null, 1, null, '公益广告', '主干道设置公益广告', 30, '宣传科', '文明办', '王局长', '李敏', '6月30日', '已完成', 30, null],
    [null, 2, null, '宣传栏', '社区宣传栏每月更新', 20, '宣传科', null, '王局长', '吴静', '长期', '已完成', 18, '两个社区未更新'],
    [null, 3, null, '志愿服务', '设立志愿服务台', 10, '医政科', '市人民医院', '赵副局长', '张伟', '12月31日', '推进中', 10, null],
    ['二、环境卫生（40分）'],
    [null, 1, null, '无烟单位', '全面禁烟', 40, '疾控科', '爱卫办', '赵副局长', '孙强', '常态化', '已完成', 40, null],
    ['合计', null, null, null, null, 100, null, null, null, null, null, null, 98, null],
    [null],
    ['填表人：王敏', null, null, null, '审核人：刘德勇', null, null, null, '联系电话：0635-8241234'],
    ['注：责任领导负责督导，具体责任人负责落实。'],
  ];
  patch(rows);
  return rows;
}

const run = (patch?: (rows: CellValue[][]) => void) => check([sheet('分解表', threeRowTable(patch), MERGES)]);

describe('three-row header under groups, 栏次 row, sections and footers', () => {
  it('the correct table gives no error and no warning, and scores each lead unit exactly', () => {
    const r = run();
    expect(problems(r)).toEqual([]);
    const t = r.tables[0].table;
    expect(t.headerRows).toEqual([2, 3, 4]);
    expect(t.stubRow).toBe(5);
    expect(t.columns).toMatchObject({ seq: 1, item: 4, content: 5, maxScore: 6, leadUnit: 7, coUnits: 8, leader: 9, owner: 10, deadline: 11, status: 12, score: 13, deductionReason: 14 });
    expect(t.dataRows).toEqual([7, 8, 9, 11]);
    expect(t.sections.map((s) => [s.row, s.name, s.points])).toEqual([[6, '宣传教育', 60], [10, '环境卫生', 40]]);
    expect(t.totalsRows).toEqual([12]);
    const units = Object.fromEntries(r.responsibility!.units.map((u) => [u.unit, [u.maxPoints, u.points, u.tasks]]));
    // 配合单位 (文明办, 市人民医院, 爱卫办) never leads.
    expect(units).toEqual({ 宣传科: [50, 48, 2], 医政科: [10, 10, 1], 疾控科: [40, 40, 1] });
    expect(r.responsibility!.lost).toEqual([expect.objectContaining({ unit: '宣传科', owner: '吴静', lost: 2, section: '宣传教育' })]);
    expect(r.files[0].sheets[0].reason.zh).toContain('表头在第 2–4 行（3 行表头）');
    expect(r.files[0].sheets[0].reason.zh).toContain('栏次行第 5 行');
    expect(r.files[0].sheets[0].reason.zh).toContain('2 个分节');
  });

  it('keeps the section as the name of the tasks below it', () => {
    const r = run();
    expect(r.findings).toEqual([]);
    // The engine hands the section to the summaries through the task.
    const sections = r.tables[0].table.dataSection.map((i) => r.tables[0].table.sections[i].name);
    expect(sections).toEqual(['宣传教育', '宣传教育', '宣传教育', '环境卫生']);
  });

  it('the 具体责任人 is the owner: an empty one is missing even when the 责任领导 is filled', () => {
    const r = run((rows) => (rows[7][9] = null));
    expect(problems(r)).toEqual(['required.missing@分解表!J8']);
  });

  it('a unit in the 具体责任人 column is not a person', () => {
    const r = run((rows) => (rows[6][9] = '办公室'));
    expect(problems(r)).toEqual(['owner.not-person@分解表!J7']);
  });

  it('a section whose items do not add up to its stated points is found at the section', () => {
    const r = run((rows) => {
      rows[7][5] = 15; // 宣传教育 items now 55 of 60; the sheet 95 of 100
      rows[7][12] = 15;
      rows[11][5] = 95;
      rows[11][12] = 95;
    });
    expect(at(r, 'score.max-total').sort()).toEqual(['分解表!A6', '分解表!F4']);
    const f = r.findings.find((x) => x.cell === 'A6')!;
    expect(renderMessage('score.max-total', f.params, 'zh').message).toBe('A6 的分节“宣传教育”标明 60 分，而其下各项分值合计为 55。');
  });

  it('the 合计 row is checked against the tasks only, never the 栏次 numbers or the sections', () => {
    const r = run((rows) => (rows[11][12] = 100));
    expect(problems(r)).toEqual(['total-row.mismatch@分解表!M12']);
  });

  it('year-less deadlines take the title year', () => {
    // 2017年… in the title: 12月31日 is 2017-12-31, not yet due on 2017-07-15; in a 2016 table it is overdue.
    const r = run((rows) => (rows[0][0] = '2016年创建全国文明城市目标任务分解表'));
    expect(problems(r)).toEqual(['task.overdue@分解表!K9']);
  });
});

/** Family 9: a 考核评分表 with 自评分 and 考核得分, 存在问题, grades and a 一票否决 item, and no 完成时限. */
function scoringSheet(patch: (rows: CellValue[][]) => void = () => undefined): CellValue[][] {
  const rows: CellValue[][] = [
    ['2017年度卫生计生工作考核评分表'],
    ['被考核单位：疾控中心', null, null, null, null, null, null, null, '考核时间：2017年12月'],
    ['序号', '考核项目', '考核内容', '分值', '评分标准', '自评分', '考核得分', '扣分原因', '责任科室', '责任人'],
    ['一、组织领导（20分）'],
    [1, '领导重视', '成立领导小组', 10, '未成立扣10分', 10, 10, null, '办公室', '李敏'],
    [2, '制度建设', '制定工作制度', 10, '缺一项扣2分', 10, 8, '缺少考勤制度', '办公室', '李敏'],
    ['二、业务工作（80分）'],
    [3, '免疫规划', '接种率达标', 40, '每降1个百分点扣2分', 40, 40, null, '免疫科', '张伟'],
    [4, '传染病防控', '网络直报及时', 40, '迟报一例扣5分', 40, 35, '迟报一例', '疾控科', '孙强'],
    [5, '党风廉政建设', '无违纪违法案件', '一票否决', '发生案件的一票否决', '合格', '合格', null, '纪检监察室', '高洁'],
    ['合计', null, null, 100, null, 100, 93],
    ['考核组成员签字：', null, null, '王磊', null, '陈红'],
  ];
  patch(rows);
  return rows;
}

describe('scoring sheets (考核评分表 / 自评表)', () => {
  const runScoring = (patch?: (rows: CellValue[][]) => void) => check([sheet('评分表', scoringSheet(patch), ['A4:J4', 'A7:J7'])]);

  it('a correct sheet: no 完成时限 column is no error, the 考核得分 scores each 责任科室', () => {
    const r = runScoring();
    expect(problems(r)).toEqual([]);
    const t = r.tables[0].table;
    expect(t.layout).toBe('scoring');
    expect(t.columns).toMatchObject({ item: 2, content: 3, maxScore: 4, standard: 5, selfScore: 6, score: 7, deductionReason: 8, leadUnit: 9, owner: 10 });
    const units = Object.fromEntries(r.responsibility!.units.map((u) => [u.unit, [u.points, u.maxPoints, u.grade]]));
    expect(units).toEqual({ 办公室: [18, 20, '好'], 免疫科: [40, 40, '好'], 疾控科: [35, 40, '较好'], 纪检监察室: [0, 0, '未评分'] });
    expect(r.files[0].sheets[0].reason.zh).toContain('考核评分表');
  });

  it('a failed 一票否决 item grades its unit 差, whatever its points', () => {
    const r = runScoring((rows) => {
      rows[9][6] = '不合格';
      rows[9][7] = '发生违纪案件一起';
    });
    expect(problems(r)).toEqual(['veto.failed@评分表!G10']);
    expect(r.responsibility!.units.find((u) => u.unit === '纪检监察室')!.grade).toBe('差');
  });

  it('finds an unexplained deduction and a score above the points at their cells', () => {
    const r = runScoring((rows) => {
      rows[5][7] = null;
      rows[7][6] = 45;
      rows[10][6] = 98;
    });
    expect(problems(r).sort()).toEqual(['score.deduction-unexplained@评分表!G6', 'score.out-of-range@评分表!G8'].sort());
  });

  it('自评表 with state grades A/B/C/G: a grade below A needs its 存在问题', () => {
    const rows: CellValue[][] = [
      ['2017年创城工作自评表'],
      ['序号', '考核项目', '考核内容', '分值', '自评分', '存在问题', '责任科室', '责任人'],
      [1, '公益广告', '设置公益广告', 50, 'A', null, '宣传科', '李敏'],
      [2, '志愿服务', '设立志愿服务台', 50, 'B', '服务台未全覆盖', '医政科', '张伟'],
    ];
    const ok = check([sheet('自评表', rows)]);
    expect(problems(ok)).toEqual([]);
    expect(Object.fromEntries(ok.responsibility!.units.map((u) => [u.unit, u.points]))).toEqual({ 宣传科: 50, 医政科: 33 });
    rows[3][5] = null;
    rows[2][4] = 'D';
    expect(problems(check([sheet('自评表', rows)])).sort()).toEqual(['score.deduction-unexplained@自评表!E4', 'score.grade-invalid@自评表!E3'].sort());
  });
});

describe('lead units as offices write them', () => {
  it('宣传科（牵头）、文明办 and 牵头：医政科；配合：市人民医院 lead with 宣传科 and 医政科', () => {
    const rows: CellValue[][] = [
      ['序号', '工作任务', '分值', '责任单位', '责任人', '完成时限', '完成情况', '得分'],
      [1, '公益广告', 50, '宣传科（牵头）、文明办', '李敏', '2017年6月30日前完成', '已完成', 50],
      [2, '志愿服务', 50, '牵头：医政科；配合：市人民医院', '张伟', '2017年6月—12月', '推进中', 50],
    ];
    const r = check([sheet('表', rows)]);
    expect(problems(r)).toEqual([]);
    expect(r.responsibility!.units.map((u) => u.unit).sort()).toEqual(['医政科', '宣传科'].sort());
  });

  it('a unit statement naming 万元 among other units (单位：户、人、万元) sets 万元', () => {
    const rows: CellValue[][] = [
      ['某县帮扶救助台账'],
      ['单位：户、人、万元'],
      ['序号', '乡镇', '户主姓名', '身份证号', '家庭人口', '救助金'],
      [1, '阿城镇', '王秀英', '11010519491231002X', '3人', 0.05],
    ];
    const r = check([sheet('表', rows)]);
    expect(problems(r)).toEqual([]);
    expect(r.aid!.total).toMatchObject({ households: 1, persons: 3, cash: 500 });
  });
});
