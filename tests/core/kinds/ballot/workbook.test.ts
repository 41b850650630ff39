import { LedgerResult as CheckResult, runCheck } from '../../../../src/core/pipeline';
import type { BallotJson } from '../../../../src/core/kinds/ballot/json';
import { buildReport, summarize } from '../../../../src/core/report';
import { parseSettings, SettingsInput } from '../../../../src/core/settings';
import { CellValue, SheetInput, WorkbookInput } from '../../../../src/core/workbook';
import { responsibilityRows, sheet } from '../../../helpers/grid';
import { ballotSheet, GRADES, same } from './fixtures';

/** The engine over whole workbooks, as the command line and the add-in run it. */
function run(books: WorkbookInput[], settings: SettingsInput = {}): { result: CheckResult; ballot: BallotJson | null } {
  const result = runCheck(books, parseSettings({ asOf: '2017-07-15', ...settings }), { today: '2017-07-15' });
  const report = buildReport(result, 'zh', 'test') as ReturnType<typeof buildReport> & { ballot?: BallotJson | null };
  return { result, ballot: report.ballot ?? null };
}
const book = (name: string, ...sheets: SheetInput[]): WorkbookInput => ({ name, sheets });
const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}@${f.sheet}!${f.cell}`);

const W = (c: number | null) => same('王伟', '市人民医院', c);
const L = (c: number | null) => same('李敏', '市中医院', c);

describe('a correct ballot workbook gives 0 errors and 0 warnings', () => {
  it('ticked ballots stacked on one sheet, with a title stating 实到', () => {
    const sh = ballotSheet('测评票', [
      { title: '党组织书记抓党建述职评议测评表　第 1 张', subtitle: '应到 5 人，实到 3 人', rows: [W(0), L(1)] },
      { title: '党组织书记抓党建述职评议测评表　第 2 张', rows: [W(0), L(2)] },
      { title: '党组织书记抓党建述职评议测评表　第 3 张', rows: [W(1), L(1)] },
    ]);
    const { result, ballot } = run([book('测评.xlsx', sh)]);
    expect(problems(result)).toEqual([]);
    // A workbook of ballots only is a checked workbook, ready to submit (not "no ledger found").
    expect(summarize(result, 'zh')).toMatchObject({ status: 'ready', ready: true });
    expect(result.files[0].sheets[0]).toMatchObject({ name: '测评票', rows: 6 });
    expect(ballot).toMatchObject({ cast: 3, blank: 0, present: 3, gradeItem: '总体评价', choices: GRADES });
    expect(ballot!.persons.map((p) => [p.person, p.ballots, p.grade, p.rank])).toEqual([
      ['王伟', 3, '好', 1],
      ['李敏', 3, '较好', 2],
    ]);
  });

  it('one ballot per sheet, and the office tally beside them that agrees', () => {
    const one = (n: number, w: number, l: number) => ballotSheet(`第${n}张`, [{ title: '述职评议测评表（实到 2 人）', rows: [W(w), L(l)] }]);
    const tally: SheetInput = {
      name: '计票表',
      rows: [['述职评议计票表'], ['姓名', '单位', '总体评价', null, null, null], [null, null, ...GRADES], ['王伟', '市人民医院', 1, 1, 0, 0], ['李敏', '市中医院', 0, 0, 1, 1]],
      merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:F2'],
    };
    const { result, ballot } = run([book('测评.xlsx', one(1, 0, 2), one(2, 1, 3), tally)]);
    expect(problems(result)).toEqual([]);
    expect(ballot).toMatchObject({ cast: 2, present: 2 });
    expect(ballot!.persons.find((p) => p.person === '李敏')).toMatchObject({ grade: '差', interview: true });
  });

  it('an entry sheet (录入表) with 票号 and codes', () => {
    const rows: CellValue[][] = [['群众评议录入表（实到 2 人）'], ['票号', '姓名', '单位', '服务态度', '总体评价'], ['001', '王伟', '东街村', '满意', 'A'], ['001', '李敏', '西街村', '基本满意', 'B'], ['002', '王伟', '东街村', 1, 1], ['002', '李敏', '西街村', 3, 'C']];
    const { result, ballot } = run([book('群众评议.xlsx', sheet('录入表', rows))]);
    expect(problems(result)).toEqual([]);
    expect(ballot).toMatchObject({ cast: 2, choices: ['满意', '基本满意', '不满意'] });
    expect(ballot!.persons.map((p) => [p.person, p.grade, p.interview])).toEqual([
      ['王伟', '满意', false],
      ['李敏', '不满意', true],
    ]);
  });

  it("an office's tally alone, tallied as given", () => {
    const tally = sheet('Sheet1', [['测评结果统计（实到 42 人）'], ['姓名', '单位', '好', '较好', '一般', '差'], ['王伟', '市人民医院', 30, 10, 2, 0], ['李敏', '市中医院', 10, 12, 8, 12]]);
    const { result, ballot } = run([book('计票.xlsx', tally)]);
    expect(problems(result)).toEqual([]);
    expect(ballot!.present).toBe(42);
    expect(ballot!.persons.map((p) => [p.person, p.ballots, p.grade])).toEqual([
      ['王伟', 42, '好'],
      ['李敏', 42, '差'],
    ]);
    expect(ballot!.persons[0].goodRate).toBeCloseTo(30 / 42, 10);
    expect(ballot!.persons[1].counts['总体评价']).toEqual({ 好: 10, 较好: 12, 一般: 8, 差: 12 });
  });
});

describe('ballots beside the other kinds', () => {
  it('checks a responsibility table and a ballot sheet in one workbook, each as its own kind', () => {
    const { result, ballot } = run([book('混合.xlsx', sheet('分解表', responsibilityRows()), ballotSheet('测评', [{ rows: [W(0), L(3)] }]))]);
    expect(result.files[0].sheets.map((s) => [s.name, s.kind])).toEqual([
      ['分解表', 'responsibility'],
      ['测评', 'ballot'],
    ]);
    expect(result.responsibility).not.toBeNull();
    expect(ballot!.persons).toHaveLength(2);
  });

  it('has no ballot section when there is no ballot sheet', () => {
    expect(run([book('分解表.xlsx', sheet('分解表', responsibilityRows()))]).ballot).toBeNull();
  });
});

describe('a flawed ballot workbook', () => {
  it('reports every planted mistake at its cell, with the settings slice taking effect', () => {
    const sh = ballotSheet('测评', [
      { title: '述职评议测评表', subtitle: '应到 5 人，实到 2 人', rows: [W(0), { name: '李敏', unit: '市中医院', marks: [['√', '√', null, null], null, ['×', null, null, null], 1, 1] }] },
      { rows: [W(1)] },
      { rows: [W(null), L(null)] },
    ]);
    const { result, ballot } = run([book('测评.xlsx', sh)], { ballot: { gradeRule: { worstShare: 0.5, tie: 'higher' } } });
    expect(problems(result).sort()).toEqual(
      [
        'ballot.invalid-mark@测评!M6',
        'ballot.count-exceeds@测评!A2',
        'ballot.multiple-marks@测评!E6',
        'ballot.blank-item@测评!I6',
        'ballot.person-missing@测评!A8',
        'ballot.blank@测评!E14',
      ].sort(),
    );
    expect(result.findings.find((f) => f.rule === 'ballot.invalid-mark')!.severity).toBe('error');
    expect(ballot).toMatchObject({ cast: 3, blank: 1, present: 2 });
  });

  it('weights groups given in the settings across files, one file per group', () => {
    const groups = [
      { name: '领导', weight: 0.4, match: '领导' },
      { name: '群众', weight: 0.6, match: '群众' },
    ];
    const { ballot } = run([book('领导测评.xlsx', ballotSheet('Sheet1', [{ rows: [W(0)] }])), book('群众测评.xlsx', ballotSheet('Sheet1', [{ rows: [W(1)] }, { rows: [W(1)] }, { rows: [W(0)] }]))], { ballot: { groups } });
    // 好: 0.4·1 + 0.6·1/3 = 0.6
    expect(ballot!.persons[0].goodRate).toBeCloseTo(0.6, 12);
    expect(ballot!.groups).toEqual([
      { name: '领导', weight: 0.4, ballots: 1 },
      { name: '群众', weight: 0.6, ballots: 3 },
    ]);
  });
});
