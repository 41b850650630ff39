import { BallotIssue, checkBallots } from '../../../../src/core/kinds/ballot/checks';
import { LocatedSheet } from '../../../../src/core/kinds/ballot/located';
import { BALLOT_RULES, BallotRuleId } from '../../../../src/core/kinds/ballot/rules';
import { CellValue, SheetInput } from '../../../../src/core/workbook';
import { ballotSheet, BlockSpec, located, PersonRow, read, same } from './fixtures';

const W = (choice: number | null) => same('王伟', '市人民医院', choice);
const L = (choice: number | null) => same('李敏', '市中医院', choice);

function run(sheets: LocatedSheet[], present?: number): BallotIssue[] {
  return checkBallots(sheets, { present });
}
const of = (issues: BallotIssue[], rule: BallotRuleId) => issues.filter((i) => i.rule === rule);

function message(i: BallotIssue, lang: 'zh' | 'en' = 'zh'): string {
  const def = BALLOT_RULES.find((r) => r.id === i.rule)!;
  return `${def.message[lang](i.params)} ${def.fix[lang](i.params)}`;
}

/** Two clean ballots of two persons: the passing case every check starts from. */
const clean = (): BlockSpec[] => [{ rows: [W(0), L(1)] }, { rows: [W(1), L(0)] }];

describe('a correct ballot sheet', () => {
  it('gives no finding at all', () => {
    const sh = ballotSheet('测评', clean().map((b) => ({ ...b, title: '述职评议测评表', subtitle: '应到 3 人，实到 2 人' })));
    expect(run(located([sh]))).toEqual([]);
  });
});

describe('ballot.multiple-marks', () => {
  it('reports two ticks in one item at the first ticked cell, naming the ballot, person, item and choices', () => {
    const blocks = clean();
    blocks[1].rows[1] = { name: '李敏', unit: '市中医院', marks: [0, 0, 0, 0, ['√', null, '√', null]] };
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.multiple-marks', 'U9']]);
    const m = message(issues[0]);
    expect(m).toContain('U9');
    expect(m).toContain('本表第 2 张测评票');
    expect(m).toContain('李敏（市中医院）');
    expect(m).toContain('“总体评价”');
    expect(m).toContain('好、一般');
    expect(m).toContain('该项作废');
    expect(message(issues[0], 'en')).toContain('void');
  });

  it('reads two choice words in one entry cell as two marks too', () => {
    const entry: SheetInput = { name: '录入', rows: [['票号', '姓名', '总体评价'], [1, '王伟', '好、较好'], [2, '王伟', '好']] };
    const issues = run(located([entry]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.multiple-marks', 'C2']]);
    expect(message(issues[0])).toContain('票号 1 的测评票');
  });
});

describe('ballot.blank-item', () => {
  it('reports an item left blank on a filled ballot, at its first choice cell', () => {
    const blocks = clean();
    blocks[0].rows[0] = { name: '王伟', unit: '市人民医院', marks: [0, null, 0, 0, 0] };
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.blank-item', 'I3']]);
    expect(message(issues[0])).toContain('“党建工作成效”未填');
  });

  it('reports a wholly blank person row once, as 整行未填, at its first item cell', () => {
    const blocks = clean();
    blocks[0].rows[1] = L(null);
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.blank-item', 'E4']]);
    expect(message(issues[0])).toContain('整行未填');
  });
});

describe('ballot.blank', () => {
  it('reports a wholly blank ballot once, at its first item cell, and nothing else for it', () => {
    const blocks = [...clean(), { rows: [W(null), L(null)] }];
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.blank', 'E13']]);
    expect(message(issues[0])).toContain('按废票处理');
  });
});

describe('ballot.invalid-mark', () => {
  it('reports ×, ?, 2 or another choice\'s word in a grid, naming the choice column', () => {
    for (const bad of ['×', '？', 2, '较好'] as CellValue[]) {
      const blocks = clean();
      blocks[0].rows[0] = { name: '王伟', unit: '市人民医院', marks: [0, 0, 0, [bad, null, null, null], 0] };
      const issues = run(located([ballotSheet('测评', blocks)]));
      expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.invalid-mark', 'Q3']]);
      expect(message(issues[0])).toContain(`在“好”栏填了“${bad}”`);
    }
  });

  it('accepts every tick evaluators use, and the choice word in its own column', () => {
    for (const tick of ['✓', '✔', '☑', '○', '●', 1, '1', 'v', 'V', '较好'] as CellValue[]) {
      const blocks = clean();
      blocks[0].rows[0] = { name: '王伟', unit: '市人民医院', marks: [0, 0, 0, [null, tick, null, null], 0] };
      expect(run(located([ballotSheet('测评', blocks)]))).toEqual([]);
    }
  });

  it('reports a code outside the set in an entry sheet, listing the words and codes allowed', () => {
    const entry: SheetInput = { name: '录入', rows: [['票号', '姓名', '总体评价'], [1, '王伟', 'E'], [2, '王伟', 'A'], [3, '王伟', 'b'], [4, '王伟', 4]] };
    const issues = run(located([entry]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.invalid-mark', 'C2']]);
    expect(message(issues[0])).toContain('好/较好/一般/差');
    expect(message(issues[0])).toContain('A–D、1–4');
  });
});

describe('ballot.count-exceeds', () => {
  const titled = (present: number, n = 2): SheetInput =>
    ballotSheet('测评', Array.from({ length: n }, (_, i) => ({ title: '述职评议测评表', subtitle: i === 0 ? `应到 45 人，实到 ${present} 人` : null, rows: [W(0), L(1)] })));

  it('reports more ballots (blank ones included) than 实到人数 once, at the title line that states it', () => {
    const sh = titled(2, 2);
    const blank = ballotSheet('测评', [{ title: '述职评议测评表', subtitle: '应到 45 人，实到 2 人', rows: [W(0), L(1)] }, { rows: [W(0), L(1)] }, { rows: [W(null), L(null)] }]);
    expect(of(run(located([sh])), 'ballot.count-exceeds')).toEqual([]);
    const issues = of(run(located([blank])), 'ballot.count-exceeds');
    expect(issues.map((i) => i.cell)).toEqual(['A2']);
    expect(message(issues[0])).toContain('收回测评票 3 张（含空白票 1 张），多于实到人数 2 人');
  });

  it('uses the settings over the title', () => {
    expect(of(run(located([titled(5, 3)]), 2), 'ballot.count-exceeds')).toHaveLength(1);
    expect(of(run(located([titled(2, 3)]), 5), 'ballot.count-exceeds')).toHaveLength(0);
  });

  it('compares each sheet with its own figure when the sheets state different ones (a sheet per group)', () => {
    const group = (name: string, present: number, n: number) => ballotSheet(name, Array.from({ length: n }, (_, i) => ({ title: i === 0 ? `${name}（实到 ${present} 人）` : null, rows: [W(0), L(1)] })));
    expect(of(run(located([group('领导', 2, 2), group('群众', 3, 3)])), 'ballot.count-exceeds')).toEqual([]);
    const issues = of(run(located([group('领导', 2, 2), group('群众', 3, 4)])), 'ballot.count-exceeds');
    expect(issues.map((i) => [i.sheet, i.cell])).toEqual([['群众', 'A1']]);
    expect(message(issues[0])).toContain('工作表“群众”收回测评票 4 张');
  });

  it('adds up one ballot per sheet when the sheets repeat the same title', () => {
    const one = (name: string) => ballotSheet(name, [{ title: '述职评议测评表（应到 5 人，实到 2 人）', rows: [W(0), L(1)] }]);
    expect(of(run(located([one('1'), one('2')])), 'ballot.count-exceeds')).toHaveLength(0);
    const issues = of(run(located([one('1'), one('2'), one('3')])), 'ballot.count-exceeds');
    expect(issues.map((i) => [i.sheet, i.cell])).toEqual([['1', 'A1']]);
  });
});

describe('ballot.person-missing', () => {
  it('reports a person on other ballots of the file but not on this one, at its header cell', () => {
    const blocks: BlockSpec[] = [{ rows: [W(0), L(1)] }, { rows: [W(1)] }];
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.person-missing', 'A6']]);
    expect(message(issues[0])).toContain('本表第 2 张测评票上没有李敏（市中医院）');
  });

  it('reports a person on the file\'s 名单 whom no ballot names, once per ballot', () => {
    const roster: SheetInput = { name: '述职人名单', rows: [['序号', '姓名', '单位', '职务'], [1, '王伟', '市人民医院', '书记'], [2, '李敏', '市中医院', '书记'], [3, '张强', '市妇幼保健院', '书记']] };
    const issues = run(located([ballotSheet('测评', clean()), roster]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([
      ['ballot.person-missing', 'A1'],
      ['ballot.person-missing', 'A6'],
    ]);
    expect(message(issues[0])).toContain('没有张强（市妇幼保健院），而名单上有此人');
    const full = { ...roster, rows: roster.rows.slice(0, 3) };
    expect(run(located([ballotSheet('测评', clean()), full]))).toEqual([]);
  });

  it('compares ballots of one file only', () => {
    const a = located([ballotSheet('测评', [{ rows: [W(0), L(1)] }])], 'a.xlsx');
    const b = located([ballotSheet('测评', [{ rows: [W(0)] }])], 'b.xlsx');
    expect(run([...a, ...b])).toEqual([]);
  });

  it('counts the k-th row of a person as ballot k in an entry sheet without 票号', () => {
    const entry: SheetInput = { name: '录入', rows: [['姓名', '单位', '总体评价'], ['王伟', '市人民医院', '好'], ['李敏', '市中医院', '好'], ['王伟', '市人民医院', '较好']] };
    const issues = run(located([entry]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([['ballot.person-missing', 'A1']]);
    expect(message(issues[0])).toContain('本表第 2 张测评票上没有李敏');
  });
});

describe('ballot.tally-mismatch', () => {
  const tallySheet = (w: number[], l: number[]): SheetInput => ({
    name: '计票结果',
    rows: [
      ['姓名', '单位', '总体评价', null, null, null],
      [null, null, '好', '较好', '一般', '差'],
      ['王伟', '市人民医院', ...w],
      ['李敏', '市中医院', ...l],
    ],
    merges: ['A1:A2', 'B1:B2', 'C1:F1'],
  });

  it('passes a tally that matches the ballots', () => {
    expect(run(located([ballotSheet('测评', clean()), tallySheet([1, 1, 0, 0], [1, 1, 0, 0])]))).toEqual([]);
  });

  it('reports each tally cell that differs from the ballots, at that cell, with both figures', () => {
    const issues = run(located([ballotSheet('测评', clean()), tallySheet([2, 0, 0, 0], [1, 1, 0, 0])]));
    expect(issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([
      ['ballot.tally-mismatch', '计票结果', 'C3'],
      ['ballot.tally-mismatch', '计票结果', 'D3'],
    ]);
    expect(message(issues[0])).toContain('计票表中王伟（市人民医院）的“总体评价”“好”为 2 票，按测评票统计为 1 票');
  });

  it('reports a person on the ballots that the tally leaves out, and a count that is not a number', () => {
    const t = tallySheet([1, 1, 0, 0], [1, 1, 0, 0]);
    t.rows.pop();
    t.rows[2][3] = '一';
    const issues = run(located([ballotSheet('测评', clean()), t]));
    expect(issues.map((i) => [i.rule, i.cell])).toEqual([
      ['ballot.invalid-mark', 'D3'],
      ['ballot.tally-mismatch', 'A1'],
    ]);
    expect(message(issues[1])).toContain('计票表中没有李敏（市中医院）');
  });

  it('checks nothing against ballots when the tally stands alone', () => {
    const t: LocatedSheet[] = [{ file: 'x.xlsx', group: null, sheet: read(tallySheet([30, 10, 2, 0], [20, 12, 8, 2])) }];
    expect(t[0].sheet.layout).toBe('tally');
    expect(run(t)).toEqual([]);
  });
});

describe('ballot.group-unmatched', () => {
  const groups = [
    { name: '领导', weight: 0.4, match: '领导' },
    { name: '群众', weight: 0.6, match: '群众' },
  ];
  it('reports a ballot sheet in no group of the settings as an error at its title, naming the groups', () => {
    const sheets = [...located([ballotSheet('领导测评', clean())], '测评.xlsx', '领导'), ...located([ballotSheet('居民测评', [{ title: '居民测评表', rows: [W(0), L(1)] }])], '测评.xlsx', null)];
    const issues = checkBallots(sheets, { groups });
    expect(issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([['ballot.group-unmatched', '居民测评', 'A1']]);
    expect(message(issues[0])).toContain('工作表“居民测评”（1 张测评票）不属于设置中的任何测评组（领导：领导，群众：群众）');
    expect(BALLOT_RULES.find((r) => r.id === 'ballot.group-unmatched')!.severity).toBe('error');
  });

  it('passes when every sheet is in a group, or no groups are set', () => {
    const sheets = [...located([ballotSheet('领导测评', clean())], '测评.xlsx', '领导'), ...located([ballotSheet('群众测评', clean())], '测评.xlsx', '群众')];
    expect(checkBallots(sheets, { groups })).toEqual([]);
    expect(checkBallots(located([ballotSheet('居民测评', clean())]), { groups: [] })).toEqual([]);
  });
});

describe('ballot.choices-differ', () => {
  it('reports a ballot sheet with another choice set (left out of the tally) at its first choice', () => {
    const other = ballotSheet('群众评议', [{ rows: [same('王伟', '市人民医院', 0, 2), same('李敏', '市中医院', 1, 2)] }], ['服务态度', '总体评价'], ['满意', '基本满意', '不满意']);
    const issues = run(located([ballotSheet('测评', clean()), other]));
    expect(issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([['ballot.choices-differ', '群众评议', 'E2']]);
    expect(message(issues[0])).toContain('选项是 满意/基本满意/不满意，与工作表“测评”等测评票的 好/较好/一般/差 不同');
    expect(run(located([ballotSheet('测评', clean()), ballotSheet('测评2', clean())]))).toEqual([]);
  });
});

describe('messages', () => {
  it('every rule renders a Chinese and an English message and fix without an undefined in them', () => {
    const blocks: BlockSpec[] = [
      { title: '测评表', subtitle: '实到 1 人', rows: [{ name: '王伟', unit: '市人民医院', marks: [['√', '√', null, null], null, ['×', null, null, null], 0, 0] }, L(0)] },
      { rows: [W(null)] },
    ];
    const issues = run(located([ballotSheet('测评', blocks)]));
    expect(new Set(issues.map((i) => i.rule))).toEqual(new Set(['ballot.multiple-marks', 'ballot.blank-item', 'ballot.invalid-mark', 'ballot.count-exceeds', 'ballot.person-missing', 'ballot.blank']));
    for (const i of issues) for (const lang of ['zh', 'en'] as const) expect(message(i, lang)).not.toMatch(/undefined|NaN|\[object/);
  });

  void ({} as PersonRow);
});
