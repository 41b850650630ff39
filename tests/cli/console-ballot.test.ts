import { ballotLines } from '../../src/cli/console-ballot';
import { width } from '../../src/cli/text-width';
import { handMadeBallotJson } from '../helpers/ballot-summary';

describe('the console’s ballot section', () => {
  const ballot = handMadeBallotJson('zh');

  it('fits 100 columns in both languages, even with long unit names', () => {
    const long = { ...ballot, persons: ballot.persons.map((p) => ({ ...p, unit: `${p.unit}${'某某街道社区卫生服务中心'.repeat(3)}` })) };
    const problem = { zh: '工作表“群众”不属于设置里的任何一组（领导、党员），它的票没有计入；请在 ballot.groups 里给它一组。', en: 'Sheet “群众” matches no group in the settings (领导, 党员): its ballots were not counted; give it a group in ballot.groups.' };
    for (const lang of ['zh', 'en'] as const) {
      for (const b of [ballot, long, handMadeBallotJson(lang, [problem])]) expect(ballotLines(b, lang, null, 100).filter((l) => width(l) > 100)).toEqual([]);
    }
    // A cut unit says it was cut.
    expect(ballotLines(long, 'zh', null, 100).some((l) => l.includes('…'))).toBe(true);
  });

  it('heads with who came and voted, then the ranking with the grade item’s marks, rates and grade', () => {
    const lines = ballotLines(ballot, 'zh', null, 100);
    expect(lines[0]).toBe('测评汇总：6 人；实到 10 人，收回测评票 10 张（废票 1 张）；总体等次按“总体评价”');
    expect(lines[1].trim().split(/\s+/)).toEqual(['排名', '姓名', '单位', '有效票', '好', '较好', '一般', '差', '好票率', '好+较好率', '等次']);
    expect(lines[6].trim().split(/\s+/)).toEqual(['5', '郑宝山', '区计划生育协会党支部', '9', '1', '2', '3', '3', '11.1%', '33.3%', '差']);
    // The tie shares a rank; the person without a valid mark has none.
    expect(lines.slice(3, 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(['2', '2']);
    expect(lines[7].trim().split(/\s+/)[0]).toBe('-');
  });

  it('shows the top of the ranking unless --all, and says where the rest is', () => {
    const many = { ...ballot, persons: Array.from({ length: 24 }, (_, i) => ({ ...ballot.persons[0], person: `人${i + 1}`, rank: i + 1 })) };
    const lines = ballotLines(many, 'zh', 200, 100);
    expect(lines.filter((l) => /^\s+\d+\s+人\d+/.test(l))).toHaveLength(10);
    expect(lines).toContain('  ……另有 14 人，用 --all 全部列出，或看“测评汇总”表、--json 报告');
    expect(ballotLines(many, 'zh', null, 100).filter((l) => /^\s+\d+\s+人\d+/.test(l))).toHaveLength(24);
    // Up to 15 persons are shown whole without --all.
    const twelve = { ...many, persons: many.persons.slice(0, 12) };
    expect(ballotLines(twelve, 'zh', 200, 100).filter((l) => /^\s+\d+\s+人\d+/.test(l))).toHaveLength(12);
  });

  it('lists each 约谈 person with grade, rate, 差 marks and the items that pulled them down', () => {
    const lines = ballotLines(ballot, 'zh', null, 100);
    const start = lines.indexOf('约谈名单（2 人，总体等次一般、差）：');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1)).toEqual([
      '  孙长山（道口铺街道社区卫生服务中心党支部）：一般，好票率 22.2%，差票 1 张',
      '    拉低的测评项目：对党建工作重视程度、党建工作成效、总体评价',
      '  郑宝山（区计划生育协会党支部）：差，好票率 11.1%，差票 3 张',
      '    拉低的测评项目：党建工作成效、总体评价',
    ]);
    const none = ballotLines({ ...ballot, persons: ballot.persons.filter((p) => !p.interview) }, 'zh', null, 100);
    expect(none[none.length - 1]).toBe('约谈名单：无（没有总体等次须约谈的人）');
  });

  it('says how the groups were weighted in its headline', () => {
    const weighted = { ...ballot, groups: [{ name: '领导', weight: 40, ballots: 3 }, { name: '群众', weight: 60, ballots: 7 }] };
    const head = ballotLines(weighted, 'zh', null, 100);
    // The headline wraps at 100 columns; read as one sentence it names every group's share.
    expect(head[0].startsWith('测评汇总：6 人；')).toBe(true);
    expect(head.slice(0, 2).join('')).toMatch(/总体等次按“总体评价”，按 领导 40%（3 张）、\s?群众 60%（7 张） ?加权$/);
  });

  it('says a problem with the run as a whole right under the headline', () => {
    const lines = ballotLines(handMadeBallotJson('zh', [{ zh: '工作表“群众”不属于设置里的任何一组，它的票没有计入。', en: 'Sheet “群众” matches no group: its ballots were not counted.' }]), 'zh', null, 100);
    expect(lines[1]).toBe('  注意：工作表“群众”不属于设置里的任何一组，它的票没有计入。');
  });

  it('speaks English with --lang en', () => {
    const lines = ballotLines(handMadeBallotJson('en'), 'en', null, 100);
    expect(lines[0]).toBe('Ballots: 6 persons; 10 present, 10 ballots cast (1 blank); grade from “总体评价”');
    expect(lines).toContain('Interviews (2, graded 一般, 差):');
  });
});
