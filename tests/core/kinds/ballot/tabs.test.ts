import { ballotSummaryTab, ballotTabs, interviewTab, personLabels } from '../../../../src/core/kinds/ballot/tabs';
import { BallotSettingsSchema, BallotSummary } from '../../../../src/core/kinds/ballot/types';
import { chartHeightRows, SheetDescription } from '../../../../src/core/summary/sheet';
import { handMadeBallot } from '../../../helpers/ballot-summary';

const FILES = ['述职评议.xlsx'];
const headers = (d: SheetDescription) => d.columns.map((c) => c.header);
/** A body cell by its column header. */
const cell = (d: SheetDescription, row: number, header: string) => d.rows[row][headers(d).indexOf(header)];

describe('测评汇总', () => {
  const ballot = handMadeBallot();
  const tab = ballotSummaryTab({ ballot, lang: 'zh', files: FILES });

  it('has one row per person in rank order, each item with its choices counted and its two rates, then grade and 约谈', () => {
    expect(tab.name).toBe('测评汇总');
    expect(headers(tab).slice(0, 4)).toEqual(['排名', '姓名', '单位', '有效票']);
    expect(headers(tab).slice(4, 10)).toEqual(['对党建工作重视程度·好', '对党建工作重视程度·较好', '对党建工作重视程度·一般', '对党建工作重视程度·差', '对党建工作重视程度·好票率', '对党建工作重视程度·好+较好率']);
    expect(headers(tab).slice(-2)).toEqual(['总体等次', '是否约谈']);
    expect(headers(tab)).toHaveLength(4 + ballot.items.length * 6 + 2);
    expect(tab.rows.map((r) => r[0])).toEqual(ballot.persons.map((p) => p.rank));
    // Counts are the tally's, item by item.
    const sun = ballot.persons.findIndex((p) => p.person === '孙长山');
    expect(cell(tab, sun, '党建工作成效·一般')).toBe(5);
    expect(cell(tab, sun, '总体评价·好票率')).toBeCloseTo(2 / 9);
    expect(cell(tab, sun, '总体评价·好+较好率')).toBeCloseTo(4 / 9);
    expect(cell(tab, sun, '党建工作成效·好票率')).toBeCloseTo(1 / 9);
    expect(cell(tab, sun, '总体等次')).toBe('一般');
    expect(cell(tab, sun, '是否约谈')).toBe('是');
    expect(cell(tab, 0, '是否约谈')).toBe('');
    // Rates print as percents with one decimal.
    expect(tab.columns.filter((c) => /率$/.test(c.header)).every((c) => c.format === 'percent')).toBe(true);
  });

  it('shows a tie as the same rank and the next one skipped (1, 2, 2, 4)', () => {
    expect(tab.rows.slice(0, 4).map((r) => r[0])).toEqual([1, 2, 2, 4]);
  });

  it('tells two persons of the same name apart by their unit, and lists a person without a valid mark last, ungraded', () => {
    expect(tab.rows[1][1]).toBe('王伟（侯营镇卫生院党支部）');
    expect(tab.rows[2][1]).toBe('王伟（堂邑镇卫生院党支部）');
    expect(tab.rows[0][1]).toBe('张建华');
    const last = tab.rows[tab.rows.length - 1];
    expect(last[1]).toBe('吴学文');
    expect(last[0]).toBeNull();
    expect(cell(tab, tab.rows.length - 1, '总体评价·好票率')).toBeNull();
    expect(cell(tab, tab.rows.length - 1, '总体等次')).toBe('无有效票');
  });

  it('marks 差 rows red and 一般 rows yellow', () => {
    const tone = (name: string) => tab.rowTones![ballot.persons.findIndex((p) => p.person === name)];
    expect(tone('郑宝山')).toBe('error');
    expect(tone('孙长山')).toBe('warning');
    expect(tone('张建华')).toBeNull();
  });

  it('draws the grade item’s four choices as a stacked bar per person, good in green to bad in red', () => {
    const chart = tab.chart!;
    expect(chart.type).toBe('stacked-bar');
    if (chart.type !== 'stacked-bar') return;
    expect(chart.valueCols.map((c) => tab.columns[c].header)).toEqual(['总体评价·好', '总体评价·较好', '总体评价·一般', '总体评价·差']);
    expect(tab.columns[chart.categoryCol].header).toBe('姓名');
    expect([chart.fromRow, chart.toRow]).toEqual([0, ballot.persons.length - 1]);
    expect(chart.colors).toHaveLength(4);
    expect(chart.colors[0]).not.toBe(chart.colors[3]);
  });

  it('gives the chart room for its bars, up to about two printed pages', () => {
    const bars = (n: number) => chartHeightRows({ ...(tab.chart as object), type: 'stacked-bar', fromRow: 0, toRow: n - 1 } as never);
    expect(bars(6)).toBe(20);
    expect(bars(12)).toBeGreaterThan(20);
    expect(bars(40)).toBeGreaterThan(bars(12));
    expect(bars(300)).toBe(120);
  });

  it('says in its subtitle how many came, how many ballots were blank, and the grade rule as configured', () => {
    expect(tab.subtitle).toContain('实到 10 人，收回测评票 10 张（废票 1 张）');
    expect(tab.subtitle).toContain('差票达到有效票的三分之一评为“差”');
    expect(tab.subtitle).toContain('票数相同取较低的等次');
    const other = ballotSummaryTab({ ballot, lang: 'zh', files: FILES, settings: BallotSettingsSchema.parse({ gradeRule: { worstShare: 0.3, tie: 'higher' } }) });
    expect(other.subtitle).toContain('差票达到有效票的30%评为“差”');
    expect(other.subtitle).toContain('票数相同取较高的等次');
    expect(other.subtitle).toContain('述职评议.xlsx');
  });

  it('names the groups and their weights when the ballots are weighted', () => {
    const weighted: BallotSummary = { ...ballot, groups: [{ name: '领导', weight: 40, ballots: 3 }, { name: '党员', weight: 30, ballots: 3 }, { name: '群众', weight: 30, ballots: 4 }] };
    expect(ballotSummaryTab({ ballot: weighted, lang: 'zh', files: FILES }).subtitle).toContain('按 领导 40%（3 张）、党员 30%（3 张）、群众 30%（4 张） 加权');
  });

  it('says a problem with the run as a whole at the end of its subtitle', () => {
    const withProblem = ballotSummaryTab({ ballot: { ...ballot, problems: [{ zh: '工作表“群众”不属于任何一组，它的票没有计入', en: 'Sheet 群众 is in no group' }] }, lang: 'zh', files: FILES });
    expect(withProblem.subtitle).toMatch(/。注意：工作表“群众”不属于任何一组，它的票没有计入$/);
  });

  it('pools every item when the ballots have no grade item, and charts the pooled counts', () => {
    const pooled = ballotSummaryTab({ ballot: { ...ballot, gradeItem: null }, lang: 'zh', files: FILES });
    expect(headers(pooled)).toContain('全部项目合计·差');
    const sun = ballot.persons.findIndex((p) => p.person === '孙长山');
    // 0 + 1 + 1 差 over the three items.
    expect(cell(pooled, sun, '全部项目合计·差')).toBe(2);
    expect(pooled.subtitle).toContain('表中没有“总体评价”一项，总体等次按全部测评项目的票合计');
    const chart = pooled.chart!;
    if (chart.type !== 'stacked-bar') throw new Error('not a stacked bar');
    expect(chart.valueCols.map((c) => pooled.columns[c].header)).toEqual(['全部项目合计·好', '全部项目合计·较好', '全部项目合计·一般', '全部项目合计·差']);
  });

  it('uses the ballots’ own words for a 满意 / 基本满意 / 不满意 set', () => {
    const mass: BallotSummary = {
      ...ballot,
      items: ['总体评价'],
      choices: ['满意', '基本满意', '不满意'],
      persons: [{ ...ballot.persons[0], counts: { 总体评价: { 满意: 7, 基本满意: 2, 不满意: 1 } }, grade: '满意' }],
    };
    const t = ballotSummaryTab({ ballot: mass, lang: 'zh', files: FILES });
    expect(headers(t)).toEqual(['排名', '姓名', '单位', '有效票', '总体评价·满意', '总体评价·基本满意', '总体评价·不满意', '总体评价·满意票率', '总体评价·满意+基本满意率', '总体等次', '是否约谈']);
    expect(t.subtitle).toContain('总体等次为不满意的须约谈');
    expect(t.chart?.type === 'stacked-bar' && t.chart.colors).toHaveLength(3);
  });

  it('speaks English with --lang en, keeping the ballots’ own item and choice words', () => {
    const en = ballotSummaryTab({ ballot, lang: 'en', files: FILES });
    expect(en.name).toBe('Ballot summary');
    expect(headers(en).slice(0, 4)).toEqual(['Rank', 'Name', 'Unit', 'Valid ballots']);
    expect(headers(en)).toContain('总体评价·好 rate');
    expect(en.subtitle).toContain('10 present, 10 ballots cast (1 blank)');
    expect(en.rows[en.rows.length - 1][headers(en).indexOf('Grade')]).toBe('no valid mark');
  });
});

describe('约谈名单', () => {
  const ballot = handMadeBallot();
  const tab = interviewTab({ ballot, lang: 'zh', files: FILES });

  it('lists the persons graded 一般 or 差 in rank order, with the items that pulled them down and an empty deadline', () => {
    expect(tab.name).toBe('约谈名单');
    expect(headers(tab)).toEqual(['姓名', '单位', '总体等次', '好票率', '差票数', '拉低的测评项目', '整改时限']);
    expect(tab.rows.map((r) => r[0])).toEqual(['孙长山', '郑宝山']);
    const zheng = ballot.persons.find((p) => p.person === '郑宝山')!;
    expect(tab.rows[1]).toEqual(['郑宝山', '区计划生育协会党支部', '差', zheng.goodRate, zheng.counts['总体评价']['差'], '党建工作成效、总体评价', null]);
    expect(tab.title).toContain('共 2 人');
  });

  it('is an empty list (one row saying so) when nobody is to be interviewed', () => {
    const none = interviewTab({ ballot: { ...ballot, persons: ballot.persons.filter((p) => !p.interview) }, lang: 'zh', files: FILES });
    expect(none.rows).toEqual([]);
    expect(none.title).toContain('共 0 人');
  });
});

describe('the ballot kind’s tabs', () => {
  it('are none without ballots, and 测评汇总 then 约谈名单 with them', () => {
    expect(ballotTabs({ ballot: null, lang: 'zh', files: FILES })).toEqual([]);
    expect(ballotTabs({ ballot: handMadeBallot(), lang: 'zh', files: FILES }).map((t) => t.role)).toEqual(['ballot', 'interviews']);
  });

  it('adds the unit to a name only where two persons share it', () => {
    const [a, b] = handMadeBallot().persons;
    expect(personLabels([a, b])).toEqual(['张建华', '王伟']);
  });
});
