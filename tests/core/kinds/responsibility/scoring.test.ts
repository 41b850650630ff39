import { CellValue } from '../../../../src/core/workbook';
import { check, sheet } from '../../../helpers/grid';

const HEADER = ['序号', '工作任务', '分值', '责任单位', '责任人', '完成时限', '完成情况', '得分', '扣分原因'];

describe('scoring by lead unit (hand-computed)', () => {
  const rows: CellValue[][] = [
    HEADER,
    [1, '公益广告', 10, '宣传科', '李敏', '2017年6月30日', '已完成', 10, ''],
    [2, '网站专栏', 20, '宣传科', '王新', '2017年6月30日', '推进中', 15, '专栏未更新'],
    [3, '志愿服务台', 30, '医政科、市人民医院', '张伟', '长期', '已完成', 24, '引导员不足'],
    [4, '医德档案', 20, '医政科', '刘芳', '2017年12月31日', '未启动', null, ''],
    [5, '党建考核（一票否决）', 20, '疾控科', '孙强', '长期', '未完成', 20, ''],
  ];
  const r = check([sheet('分解表', rows)]).responsibility!;

  it('adds up each unit: tasks, progress, points, lost points, rate', () => {
    const xc = r.units.find((u) => u.unit === '宣传科')!;
    expect(xc).toMatchObject({ tasks: 2, completed: 1, inProgress: 1, overdue: 1, maxPoints: 30, points: 25, lost: 5, rate: 0.8333, grade: '较好', veto: false });
    // The first unit of 医政科、市人民医院 leads; an unscored task counts in 分值 but not in the rate.
    const yz = r.units.find((u) => u.unit === '医政科')!;
    expect(yz).toMatchObject({ tasks: 2, completed: 1, inProgress: 0, overdue: 0, maxPoints: 50, points: 24, lost: 6, rate: 0.8, grade: '较好' });
    expect(r.units.some((u) => u.unit === '市人民医院')).toBe(false);
  });

  it('grades a unit with a failed veto item 差 whatever its points, and ranks it last', () => {
    const jk = r.units.find((u) => u.unit === '疾控科')!;
    expect(jk).toMatchObject({ points: 20, rate: 1, grade: '差', veto: true, rank: 3 });
    expect(r.units.map((u) => [u.unit, u.rank])).toEqual([
      ['宣传科', 1],
      ['医政科', 2],
      ['疾控科', 3],
    ]);
  });

  it('lists lost points item by item, most first, with owner and reason', () => {
    expect(r.lost.map((l) => [l.unit, l.owner, l.item, l.lost, l.reason, l.cell])).toEqual([
      ['医政科', '张伟', '志愿服务台', 6, '引导员不足', 'B4'],
      ['宣传科', '王新', '网站专栏', 5, '专栏未更新', 'B3'],
    ]);
  });

  it('lists overdue tasks with the days overdue', () => {
    expect(r.overdue.map((o) => [o.unit, o.owner, o.deadline, o.days, o.status])).toEqual([['宣传科', '王新', '2017-06-30', 15, '推进中']]);
  });

  it('converts state-description grades with the item points (A 100%, B 66%, C 33%, G 0)', () => {
    const graded = check([
      sheet('党建', [
        ['测评指标', '分值', '责任科室', '责任人', '时间节点', '等次'],
        ['组织建设', 25, '机关党委', '赵玉民', '长期', 'A'],
        ['制度落实', 25, '机关党委', '赵玉民', '长期', 'B'],
        ['党风廉政', 25, '机关党委', '赵玉民', '长期', 'C'],
        ['作风建设', 25, '机关党委', '赵玉民', '长期', 'G'],
      ]),
    ]).responsibility!;
    // 25 + 16.5 + 8.25 + 0 = 49.75 of 100
    expect(graded.units[0]).toMatchObject({ points: 49.75, lost: 50.25, rate: 0.4975, grade: '差' });
  });

  it('uses configured grade thresholds and shares ties in rank', () => {
    const tie = check(
      [
        sheet('表', [
          ['工作任务', '分值', '责任单位', '责任人', '完成时限', '得分', '扣分原因'],
          ['a', 50, '甲科', '张三', '长期', 35, '原因'],
          ['b', 25, '乙科', '李四', '长期', 17.5, '原因'],
          ['c', 25, '丙科', '王五', '长期', 25, ''],
        ]),
      ],
      { gradeThresholds: [{ grade: '优', min: 0.95 }, { grade: '合格', min: 0.7 }, { grade: '不合格', min: 0 }] },
    ).responsibility!;
    expect(tie.units.map((u) => [u.unit, u.rank, u.grade])).toEqual([
      ['丙科', 1, '优'],
      ['甲科', 2, '合格'],
      ['乙科', 2, '合格'],
    ]);
  });
});
