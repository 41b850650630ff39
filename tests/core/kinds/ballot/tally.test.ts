import { LocatedSheet } from '../../../../src/core/kinds/ballot/located';
import { gradeOf, tallyBallots } from '../../../../src/core/kinds/ballot/tally';
import { BallotPerson, BallotSummary } from '../../../../src/core/kinds/ballot/types';
import { ballotSheet, BlockSpec, GRADES, ITEMS, located, PersonRow, read, same, SATISFACTION, settings } from './fixtures';
import { BallotSettingsInput } from '../../../../src/core/kinds/ballot/types';

const G = { 好: 0, 较好: 1, 一般: 2, 差: 3 } as const;
type Grade = keyof typeof G;

/** One ballot per overall grade given: every item marked with that grade. */
function ballots(people: Record<string, Grade[]>): BlockSpec[] {
  const n = Math.max(...Object.values(people).map((g) => g.length));
  return Array.from({ length: n }, (_, i) => ({
    rows: Object.entries(people).map(([name, grades]): PersonRow => same(name, '市人民医院', grades[i] === undefined ? null : G[grades[i]])),
  }));
}

function tally(sheets: LocatedSheet[], s: BallotSettingsInput = {}): BallotSummary {
  const t = tallyBallots(sheets, settings(s));
  expect(t.problems).toEqual([]);
  return t.summary!;
}

const find = (s: BallotSummary, name: string): BallotPerson => s.persons.find((p) => p.person === name)!;

describe('the grade rule', () => {
  const rule = { worstShare: 1 / 3, tie: 'lower' as const };
  it('gives the worst choice when its share reaches one third, even when another choice has more', () => {
    expect(gradeOf([2 / 3, 0, 0, 1 / 3], rule)).toBe(3);
    expect(gradeOf([28 / 42, 0, 0, 14 / 42], rule)).toBe(3);
    expect(gradeOf([29 / 42, 0, 0, 13 / 42], rule)).toBe(0);
  });
  it('gives the largest share otherwise, a tie to the lower choice (or the higher, by setting)', () => {
    expect(gradeOf([0.5, 0, 0.5, 0], rule)).toBe(2);
    expect(gradeOf([0.5, 0, 0.5, 0], { ...rule, tie: 'higher' })).toBe(0);
    expect(gradeOf([0.2, 0.5, 0.3, 0], rule)).toBe(1);
  });
  it('gives no grade without marks', () => {
    expect(gradeOf([0, 0, 0, 0], rule)).toBeNull();
  });
});

describe('tallying ticked ballots', () => {
  it('counts valid marks per item and choice, counts ballots per person, and rates and grades on 总体评价', () => {
    // 王伟: 好 好 较好 一般 → 好票率 2/4, 好+较好 3/4, grade 好.
    // 李敏: 一般 一般 差 好  → 好 1/4, 好+较好 1/4, 差 1/4 < 1/3, plurality 一般 → 约谈.
    const s = tally(located([ballotSheet('测评', ballots({ 王伟: ['好', '好', '较好', '一般'], 李敏: ['一般', '一般', '差', '好'] }))]));
    expect(s.items).toEqual(ITEMS);
    expect(s.choices).toEqual(GRADES);
    expect(s.gradeItem).toBe('总体评价');
    expect(s.cast).toBe(4);
    expect(s.blank).toBe(0);
    const w = find(s, '王伟');
    expect(w.counts['总体评价']).toEqual({ 好: 2, 较好: 1, 一般: 1, 差: 0 });
    expect(w.counts['廉政勤政']).toEqual({ 好: 2, 较好: 1, 一般: 1, 差: 0 });
    expect(w.ballots).toBe(4);
    expect(w.goodRate).toBeCloseTo(0.5, 12);
    expect(w.goodOrBetterRate).toBeCloseTo(0.75, 12);
    expect(w.grade).toBe('好');
    expect(w.interview).toBe(false);
    expect(w.rank).toBe(1);
    const l = find(s, '李敏');
    expect(l.goodRate).toBeCloseTo(0.25, 12);
    expect(l.goodOrBetterRate).toBeCloseTo(0.25, 12);
    expect(l.grade).toBe('一般');
    expect(l.interview).toBe(true);
    expect(l.downItems).toEqual(ITEMS);
    expect(l.rank).toBe(2);
    expect(s.persons.map((p) => p.person)).toEqual(['王伟', '李敏']);
  });

  it('breaks a tie between two choices towards the lower one, or the higher one by setting', () => {
    const sheets = located([ballotSheet('测评', ballots({ 张强: ['好', '好', '一般', '一般'] }))]);
    expect(find(tally(sheets), '张强')).toMatchObject({ grade: '一般', interview: true });
    expect(find(tally(sheets, { gradeRule: { worstShare: 1 / 3, tie: 'higher' } }), '张强')).toMatchObject({ grade: '好', interview: false });
  });

  it('grades 差 when 差票 reach one third, and the threshold is a setting', () => {
    const sheets = located([ballotSheet('测评', ballots({ 赵刚: ['好', '好', '差'] }))]);
    expect(find(tally(sheets), '赵刚').grade).toBe('差');
    expect(find(tally(sheets, { gradeRule: { worstShare: 0.5, tie: 'lower' } }), '赵刚').grade).toBe('好');
  });

  it('leaves void, blank and invalid items out of the counts, and a wholly blank ballot out of every person\'s ballots', () => {
    const sh = ballotSheet('测评', [
      { rows: [same('王伟', '市人民医院', 0)] },
      // 总体评价 ticked twice (void), 廉政勤政 with ×, the rest blank except the first item.
      { rows: [{ name: '王伟', unit: '市人民医院', marks: [1, null, null, ['×', null, null, null], ['√', null, '√', null]] }] },
      { rows: [same('王伟', '市人民医院', null)] },
    ]);
    const s = tally(located([sh]));
    expect(s.cast).toBe(3);
    expect(s.blank).toBe(1);
    const w = find(s, '王伟');
    expect(w.ballots).toBe(2);
    expect(w.counts['总体评价']).toEqual({ 好: 1, 较好: 0, 一般: 0, 差: 0 });
    expect(w.counts['对党建工作重视程度']).toEqual({ 好: 1, 较好: 1, 一般: 0, 差: 0 });
    expect(w.counts['廉政勤政']).toEqual({ 好: 1, 较好: 0, 一般: 0, 差: 0 });
    expect(w.byItem['总体评价'].valid).toBe(1);
    expect(w.goodRate).toBe(1);
  });

  it('ranks by 好票率 then 好+较好率, equal persons sharing a rank (1, 1, 3), persons without marks last and unranked', () => {
    const sh = ballotSheet('测评', ballots({ 甲: ['好', '较好', '一般', '好'], 乙: ['好', '一般', '好', '较好'], 丙: ['好', '好', '好', '差'], 丁: ['好', '一般', '一般', '差'] }));
    const s = tally(located([sh, ballotSheet('补充', [{ rows: [same('戊', '市人民医院', null), same('甲', '市人民医院', 0)] }])]));
    const order = s.persons.map((p) => [p.person, p.rank]);
    // 丙 3/4; 甲 (a fifth ballot, 好) 3/5; 乙 2/4; 丁 1/4; 戊 only blank rows.
    expect(order).toEqual([
      ['丙', 1],
      ['甲', 2],
      ['乙', 3],
      ['丁', 4],
      ['戊', null],
    ]);
    expect(find(s, '戊')).toMatchObject({ ballots: 0, goodRate: null, goodOrBetterRate: null, grade: null, interview: false, downItems: [] });
  });

  it('gives equal persons the same rank and skips the next (competition ranking)', () => {
    const s = tally(located([ballotSheet('测评', ballots({ 甲: ['好', '较好'], 乙: ['较好', '好'], 丙: ['好', '一般'], 丁: ['一般', '一般'] }))]));
    expect(s.persons.map((p) => [p.person, p.rank])).toEqual([
      ['甲', 1],
      ['乙', 1],
      ['丙', 3],
      ['丁', 4],
    ]);
  });

  it('pools every item when the sheet has no 总体评价', () => {
    const items = ['政治素质', '工作实绩'];
    const sh = ballotSheet('测评', [{ rows: [{ name: '王伟', unit: '市人民医院', marks: [0, 3] }] }, { rows: [{ name: '王伟', unit: '市人民医院', marks: [1, 3] }] }], items);
    const s = tally(located([sh]));
    expect(s.gradeItem).toBeNull();
    const w = find(s, '王伟');
    // pooled: 好 1, 较好 1, 差 2 → 差 share 1/2 ≥ 1/3
    expect(w.goodRate).toBeCloseTo(0.25, 12);
    expect(w.goodOrBetterRate).toBeCloseTo(0.5, 12);
    expect(w.grade).toBe('差');
    expect(w.downItems).toEqual(['工作实绩']);
  });

  it('finds the grade item under a longer header (五、总体评价（等次）)', () => {
    const items = ['工作实绩', '五、总体评价（等次）'];
    const s = tally(located([ballotSheet('测评', [{ rows: [{ name: '王伟', unit: '市人民医院', marks: [3, 0] }] }], items)]));
    expect(s.gradeItem).toBe('五、总体评价（等次）');
    expect(find(s, '王伟').grade).toBe('好');
  });

  it('names the items that pulled a person down: an interview grade of their own, or 差 at one third', () => {
    // 总体评价 较好 ×3; 廉政勤政 差 on one of three (1/3); 党建工作成效 一般 ×2 of 3.
    const rows = (a: number, b: number): PersonRow => ({ name: '王伟', unit: '市人民医院', marks: [1, a, 1, b, 1] });
    const s = tally(located([ballotSheet('测评', [{ rows: [rows(2, 3)] }, { rows: [rows(2, 1)] }, { rows: [rows(0, 1)] }])]));
    const w = find(s, '王伟');
    expect(w.grade).toBe('较好');
    expect(w.interview).toBe(false);
    expect(w.downItems).toEqual(['党建工作成效', '廉政勤政']);
    expect(w.byItem['党建工作成效'].grade).toBe('一般');
    expect(w.byItem['廉政勤政'].grade).toBe('差');
  });

  it('keeps two persons of the same name in different units apart, and joins a sheet without 单位 to the one person of that name', () => {
    const a = ballotSheet('测评', [{ rows: [same('王伟', '市人民医院', 0), same('王伟', '市中医院', 3), same('李敏', '市妇幼保健院', 1)] }]);
    const s = tally(located([a]));
    expect(s.persons.filter((p) => p.person === '王伟').map((p) => [p.unit, p.grade])).toEqual([
      ['市人民医院', '好'],
      ['市中医院', '差'],
    ]);
    const entry = { name: '录入', rows: [['姓名', '总体评价'], ['李敏', '好'], ['李敏', '好']] };
    const s2 = tally([...located([a]), { file: '测评.xlsx', group: null, sheet: read(entry) }]);
    expect(find(s2, '李敏')).toMatchObject({ unit: '市妇幼保健院', ballots: 3 });
    expect(find(s2, '李敏').counts['总体评价']).toEqual({ 好: 2, 较好: 1, 一般: 0, 差: 0 });
  });

  it('uses the 满意 / 基本满意 / 不满意 set with 不满意 as the interview grade', () => {
    const sh = ballotSheet('群众评议', [
      { rows: [same('王伟', '市人民医院', 1, 2), same('李敏', '市中医院', 2, 2)] },
      { rows: [same('王伟', '市人民医院', 0, 2), same('李敏', '市中医院', 1, 2)] },
      { rows: [same('王伟', '市人民医院', 1, 2), same('李敏', '市中医院', 0, 2)] },
    ], ['服务态度', '总体评价'], SATISFACTION);
    const s = tally(located([sh]));
    expect(s.choices).toEqual(SATISFACTION);
    expect(find(s, '王伟')).toMatchObject({ grade: '基本满意', interview: false });
    expect(find(s, '王伟').goodOrBetterRate).toBe(1);
    // 李敏: 不满意 1/3 → 不满意
    expect(find(s, '李敏')).toMatchObject({ grade: '不满意', interview: true });
    // Interview grades set for the other set's words fall back to this set's default.
    expect(find(tally(located([sh]), { interviewGrades: ['一般', '差'] }), '李敏').interview).toBe(true);
    expect(find(tally(located([sh]), { interviewGrades: ['基本满意'] }), '王伟').interview).toBe(true);
    expect(find(tally(located([sh]), { interviewGrades: ['基本满意'] }), '李敏').interview).toBe(false);
  });
});

describe('优秀 / 称职 / 基本称职 / 不称职 (年度考核民主测评), known without settings', () => {
  it('reads and grades the set, with 基本称职 and 不称职 as interview grades', () => {
    const set = ['优秀', '称职', '基本称职', '不称职'];
    const sh = ballotSheet('民主测评', [
      { rows: [same('王伟', '市人民医院', 0, 2), same('李敏', '市中医院', 2, 2)] },
      { rows: [same('王伟', '市人民医院', 1, 2), same('李敏', '市中医院', 1, 2)] },
      { rows: [same('王伟', '市人民医院', 0, 2), same('李敏', '市中医院', 2, 2)] },
    ], ['德', '总体评价'], set);
    const s = tally(located([sh]));
    expect(s.choices).toEqual(set);
    expect(find(s, '王伟')).toMatchObject({ grade: '优秀', interview: false, rank: 1 });
    expect(find(s, '王伟').goodOrBetterRate).toBe(1);
    expect(find(s, '李敏')).toMatchObject({ grade: '基本称职', interview: true, downItems: ['德', '总体评价'] });
  });
});

describe('weighted groups (领导 40 %, 党员 30 %, 群众 30 %)', () => {
  const groups = [
    { name: '领导', weight: 0.4, match: '领导' },
    { name: '党员', weight: 0.3, match: '党员' },
    { name: '群众', weight: 0.3, match: '群众' },
  ];
  function groupSheets(people: Record<string, Record<string, Grade[]>>): LocatedSheet[] {
    return Object.entries(people).flatMap(([group, byPerson]) => located([ballotSheet(`${group}测评`, ballots(byPerson))], '测评.xlsx', group));
  }

  it('weights each group by its share, not by its number of ballots (hand-computed)', () => {
    const sheets = groupSheets({
      领导: { 王伟: ['好', '好', '较好'] },
      党员: { 王伟: ['好', '较好', '较好', '一般'] },
      群众: { 王伟: ['好', '好', '好', '差', '一般'] },
    });
    const s = tally(sheets, { groups });
    const w = find(s, '王伟');
    // 好: 0.4·2/3 + 0.3·1/4 + 0.3·3/5 = 313/600; 较好: 0.4·1/3 + 0.3·2/4 = 170/600
    expect(w.goodRate).toBeCloseTo(313 / 600, 12);
    expect(w.goodOrBetterRate).toBeCloseTo(483 / 600, 12);
    expect(w.grade).toBe('好');
    // counts stay raw
    expect(w.counts['总体评价']).toEqual({ 好: 6, 较好: 3, 一般: 2, 差: 1 });
    expect(w.ballots).toBe(12);
    expect(s.cast).toBe(12);
    expect(s.groups).toEqual([
      { name: '领导', weight: 0.4, ballots: 3 },
      { name: '党员', weight: 0.3, ballots: 4 },
      { name: '群众', weight: 0.3, ballots: 5 },
    ]);
  });

  it('renormalises the weights over the groups that rated the person, which can change the grade', () => {
    const sheets = groupSheets({
      领导: { 李敏: ['差', '差', '一般'] },
      党员: { 李敏: [] as Grade[], 王伟: ['好'] },
      群众: { 李敏: ['一般', '一般', '一般', '一般', '一般'] },
    });
    const l = find(tally(sheets, { groups }), '李敏');
    // 差: 0.4·2/3 / 0.7 = 8/21 ≥ 1/3 → 差 (unweighted it would be 2/8 and 一般)
    expect(l.counts['总体评价']).toEqual({ 好: 0, 较好: 0, 一般: 6, 差: 2 });
    expect(l.byItem['总体评价'].goodRate).toBe(0);
    expect(l.grade).toBe('差');
    expect(find(tally(sheets), '李敏').grade).toBe('一般');
  });

  it('says so when a sheet matches no group, and leaves it out of the weighting only', () => {
    const sheets = [...groupSheets({ 领导: { 王伟: ['好'] } }), ...located([ballotSheet('其他', ballots({ 王伟: ['差'] }))])];
    const t = tallyBallots(sheets, settings({ groups }));
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0].zh).toContain('“其他”');
    expect(t.problems[0].zh).toContain('不属于设置中的任何测评组');
    expect(t.summary!.persons[0].counts['总体评价']).toEqual({ 好: 1, 较好: 0, 一般: 0, 差: 1 });
    expect(t.summary!.persons[0].grade).toBe('好');
  });
});

describe('实到人数 and the run summary', () => {
  it('takes 实到 from the title, and the settings over the title', () => {
    const sh = ballotSheet('测评', [{ title: '述职评议测评表', subtitle: '应到 45 人，实到 42 人', rows: [same('王伟', '市人民医院', 0)] }]);
    expect(tally(located([sh])).present).toBe(42);
    expect(tally(located([sh]), { present: 40 }).present).toBe(40);
    expect(tally(located([ballotSheet('测评', [{ rows: [same('王伟', '市人民医院', 0)] }])])).present).toBeNull();
  });

  it('is null when there is no ballot sheet', () => {
    expect(tallyBallots([], settings()).summary).toBeNull();
  });
});

describe('the JSON section', () => {
  it('matches its schema, rounds floating-point noise and prints run problems in the language asked', async () => {
    const { ballotJson, BallotJsonSchema } = await import('../../../../src/core/kinds/ballot/json');
    const groups = [{ name: '领导', weight: 0.1, match: '领导' }, { name: '群众', weight: 0.2, match: '群众' }];
    const sheets = [...located([ballotSheet('领导测评', ballots({ 王伟: ['好'] }))], '测评.xlsx', '领导'), ...located([ballotSheet('群众测评', ballots({ 王伟: ['较好'] }))], '测评.xlsx', '群众'), ...located([ballotSheet('其他', ballots({ 王伟: ['好'] }))])];
    const t = tallyBallots(sheets, settings({ groups }));
    const zh = ballotJson(t.summary!, 'zh');
    expect(BallotJsonSchema.parse(zh)).toEqual(zh);
    // 好: 0.1/0.3 — computed as 0.1·1/0.30000000000000004
    expect(zh.persons[0].goodRate).toBe(Math.round((0.1 / 0.3) * 1e12) / 1e12);
    expect(zh.problems).toHaveLength(1);
    expect(zh.problems![0]).toContain('其他');
    expect(ballotJson(t.summary!, 'en').problems![0]).toContain('matches none of the groups');
  });
});
