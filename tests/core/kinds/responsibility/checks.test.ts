import { renderMessage } from '../../../../src/core/messages';
import { RuleId } from '../../../../src/core/settings';
import { CellValue } from '../../../../src/core/workbook';
import { byRule, check, responsibilityRows, sheet } from '../../../helpers/grid';

const run = (patch: (rows: CellValue[][]) => void, settings = {}, merges: string[] = []) => check([sheet('分解表', responsibilityRows(patch), merges)], settings);

/** Every finding of `rule`, as "cell" strings, and nothing of any other rule. */
function only(result: ReturnType<typeof run>, rule: RuleId): string[] {
  const others = result.findings.filter((f) => f.rule !== rule).map((f) => `${f.rule}@${f.cell}`);
  expect(others).toEqual([]);
  return byRule(result, rule).map((f) => f.cell);
}

describe('kind-1 rules', () => {
  it('a well-formed table has no findings at all', () => {
    expect(run(() => undefined).findings).toEqual([]);
  });

  it('required.missing: an empty 责任人 or 完成时限, named at its cell', () => {
    const r = run((rows) => {
      rows[2][5] = '';
      rows[3][6] = null;
    });
    expect(only(r, 'required.missing')).toEqual(['F3', 'G4']);
    expect(renderMessage('required.missing', byRule(r, 'required.missing')[0].params, 'zh').message).toBe('F3 的责任人为空。');
  });

  it('required.missing: a table with no 责任人 column at all', () => {
    const r = check([sheet('表', [['工作任务', '责任单位', '完成时限', '分值'], ['a', '宣传科', '长期', 100]])]);
    const f = byRule(r, 'required.missing');
    expect(f).toHaveLength(1);
    expect(f[0].params.wholeColumn).toBe(1);
    expect(renderMessage('required.missing', f[0].params, 'en').message).toContain('no "Owner" column');
  });

  it('owner.not-person: a unit name in 责任人', () => {
    expect(only(run((rows) => (rows[3][5] = '办公室')), 'owner.not-person')).toEqual(['F4']);
  });

  it('deadline.invalid: a deadline that is neither a date nor an ongoing word', () => {
    const r = run((rows) => (rows[2][6] = '尽快'));
    expect(only(r, 'deadline.invalid')).toEqual(['G3']);
  });

  it('task.overdue: past the as-of date and not completed, with the days overdue', () => {
    const r = run((rows) => (rows[2][7] = '推进中'));
    const f = byRule(r, 'task.overdue');
    expect(only(r, 'task.overdue')).toEqual(['G3']);
    expect(f[0].params.days).toBe(15);
    // The same task completed is not overdue; a future deadline is not overdue either.
    expect(byRule(run(() => undefined, { asOf: '2018-01-05' }), 'task.overdue').map((x) => x.cell)).toEqual(['G4']);
  });

  it('score.not-number: text in 得分 or 分值', () => {
    const r = run((rows) => {
      rows[2][8] = '良好';
      rows[4][3] = '三十';
    });
    expect(byRule(r, 'score.not-number').map((f) => f.cell)).toEqual(['I3', 'D5']);
  });

  it('score.out-of-range: above 分值 or below zero', () => {
    const r = run((rows) => {
      rows[2][8] = 41;
      rows[4][8] = -1;
    });
    expect(only(r, 'score.out-of-range')).toEqual(['I3', 'I5']);
  });

  it('score.deduction-unexplained: points lost without a reason', () => {
    expect(only(run((rows) => (rows[3][9] = '')), 'score.deduction-unexplained')).toEqual(['I4']);
  });

  it('score.grade-invalid: a state-description grade outside A/B/C/G', () => {
    const rows: CellValue[][] = [
      ['测评指标', '分值', '责任科室', '责任人', '时间节点', '等次'],
      ['组织建设', 50, '机关党委', '赵玉民', '长期', 'A'],
      ['作风建设', 50, '机关党委', '赵玉民', '长期', 'D'],
    ];
    const r = check([sheet('党建', rows)]);
    expect(only(r, 'score.grade-invalid')).toEqual(['F3']);
    expect(only(check([sheet('党建', rows)], { stateGrades: { A: 1, D: 0 } }), 'score.grade-invalid')).toEqual([]);
  });

  it('veto.failed: a 一票否决 item not met', () => {
    const r = run((rows) => {
      rows[4][1] = '党建考核（一票否决）';
      rows[4][7] = '未完成';
    });
    expect(byRule(r, 'veto.failed').map((f) => f.cell)).toEqual(['I5']);
    expect(byRule(run((rows) => (rows[4][1] = '党建考核（一票否决）')), 'veto.failed')).toEqual([]);
  });

  it('score.max-total: the 分值 column must add up to the configured total', () => {
    const r = run((rows) => (rows[4][3] = 31));
    expect(byRule(r, 'score.max-total').map((f) => f.params.total)).toEqual(['101']);
    expect(byRule(run((rows) => (rows[4][3] = 31), { totalPoints: 101 }), 'score.max-total')).toEqual([]);
    expect(byRule(run((rows) => (rows[4][3] = 31), { totalPoints: null }), 'score.max-total')).toEqual([]);
  });

  it('task.duplicate: one finding at every occurrence, each naming the others', () => {
    const r = run((rows) => rows.push([4, '公益广告', '设置公益广告', 0, '宣传科', '李敏', '长期', '已完成', 0, '']));
    const f = byRule(r, 'task.duplicate');
    expect(f.map((x) => x.cell)).toEqual(['B3', 'B6']);
    expect(f[0].related).toEqual([{ file: 'test.xlsx', sheet: '分解表', cell: 'B6' }]);
    expect(f[1].params.others).toBe('分解表!B3');
  });
});

describe('rules for every kind', () => {
  it('total-row.mismatch: the 合计 row against the sum of the rows, with a SUM formula as the fix', () => {
    const r = run((rows) => rows.push(['合计', null, null, 100, null, null, null, null, 97, null]));
    const f = byRule(r, 'total-row.mismatch');
    expect(f.map((x) => [x.cell, x.params.expected, x.params.found])).toEqual([['I6', 98, 97]]);
    expect(f[0].params.formula).toBe('=SUM(I3:I5)');
    expect(byRule(run((rows) => rows.push(['合计', null, null, 100, null, null, null, null, 98, null])), 'total-row.mismatch')).toEqual([]);
  });

  it('row.blank: one finding for a run of blank rows inside the data', () => {
    const r = run((rows) => rows.splice(3, 0, [], [null, '']));
    expect(byRule(r, 'row.blank').map((f) => [f.cell, f.params.from, f.params.to])).toEqual([['A4', 4, 5]]);
  });

  it('layout.merged-data: a 责任单位 merged down over rows is reported (it hands the task below to the unit on top); a 测评项目 merged down to head its rows is how offices draw it', () => {
    const r = run(
      (rows) => {
        rows[3][4] = '宣传科';
        rows[4][4] = null;
      },
      {},
      ['E4:E5'],
    );
    expect(only(r, 'layout.merged-data')).toEqual(['E4']);
    expect(r.responsibility!.units.find((u) => u.unit === '宣传科')!.tasks).toBe(3);
    const headed = run((rows) => (rows[4][1] = null), {}, ['B4:B5']);
    expect(byRule(headed, 'layout.merged-data')).toEqual([]);
  });

  it('layout.unknown-column: a header that maps to no key is an info', () => {
    const r = run((rows) => {
      rows[1].push('佐证材料');
    });
    const f = byRule(r, 'layout.unknown-column');
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['K2', 'info']]);
  });

  it('layout.no-header: a warning beside a table, an error when the workbook has no table', () => {
    const note = sheet('说明', [['填表说明'], ['请按时填报']]);
    const withTable = check([sheet('分解表', responsibilityRows()), note]);
    // prose beside a table is a note (offices keep a 说明 tab); a table we cannot read is a warning
    expect(byRule(withTable, 'layout.no-header').map((f) => f.severity)).toEqual(['info']);
    const odd = sheet('花名册', [['编号', '代码', '类别', '数量'], [1, 'A01', '甲类', 3], [2, 'A02', '乙类', 5], [3, 'A03', '丙类', 7]]);
    expect(byRule(check([sheet('分解表', responsibilityRows()), odd]), 'layout.no-header').map((f) => f.severity)).toEqual(['warning']);
    const alone = check([note]);
    expect(byRule(alone, 'layout.no-header').map((f) => [f.severity, f.cell])).toEqual([['error', 'A1']]);
  });

  it('row.equation: a declared equation over numbered or named columns', () => {
    const rows: CellValue[][] = [
      ['户主姓名', '身份证号', '合计', '慰问金', '慰问品折款'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      ['王某', '11010519491231002X', 800, 500, 300],
      ['李某', '440524188001010014', 900, 500, 300],
    ];
    const numbered = check([sheet('台账', rows)], { equations: ['(3)=(4)+(5)'], rules: { 'id.region': { enabled: false } } });
    expect(byRule(numbered, 'row.equation').map((f) => [f.cell, f.params.left, f.params.right])).toEqual([['C4', 900, 800]]);
    const named = check([sheet('台账', rows)], { equations: ['合计 = 慰问金 + 慰问品折款'] });
    expect(byRule(named, 'row.equation').map((f) => f.cell)).toEqual(['C4']);
  });

  it('per-rule settings switch a rule off or change its severity', () => {
    const patch = (rows: CellValue[][]) => (rows[3][5] = '办公室');
    expect(byRule(run(patch, { rules: { 'owner.not-person': { enabled: false } } }), 'owner.not-person')).toEqual([]);
    expect(byRule(run(patch, { rules: { 'owner.not-person': { severity: 'error' } } }), 'owner.not-person')[0].severity).toBe('error');
  });
});

describe('task duplicates at scale', () => {
  it('the same task 20,000 times names a few others and counts the rest', () => {
    const rows: CellValue[][] = [['工作任务', '责任单位', '责任人', '完成时限']];
    for (let i = 0; i < 20_000; i++) rows.push(['公益广告', '宣传科', '李敏', '长期']);
    const f = byRule(check([sheet('表', rows)]), 'task.duplicate');
    expect(f).toHaveLength(20_000);
    expect(f[5].params.others).toBe('表!A2、表!A3、表!A4、表!A5、表!A6 等 19999 处');
  });
});
