import { BallotPerson, BallotSummary } from '../../src/core/kinds/ballot/types';
import { ballotJson } from '../../src/core/kinds/ballot/json';

const ITEMS = ['对党建工作重视程度', '党建工作成效', '总体评价'];
const CHOICES = ['好', '较好', '一般', '差'];

/** A person from their marks per item (好 较好 一般 差); rates and grade as the tally would give them. */
function person(name: string, unit: string, marks: Record<string, number[]>, rank: number | null, grade: string | null, interview: boolean, downItems: string[] = []): BallotPerson {
  const counts = Object.fromEntries(ITEMS.map((i) => [i, Object.fromEntries(CHOICES.map((c, k) => [c, marks[i]?.[k] ?? 0]))]));
  const rates = (v: number[]) => {
    const n = v.reduce((a, b) => a + b, 0);
    return n === 0 ? { goodRate: null, goodOrBetterRate: null } : { goodRate: v[0] / n, goodOrBetterRate: (v[0] + v[1]) / n };
  };
  const byItem = Object.fromEntries(ITEMS.map((i) => [i, { valid: (marks[i] ?? []).reduce((a, b) => a + b, 0), ...rates(marks[i] ?? []), grade: null }]));
  return { person: name, unit, ballots: Math.max(...ITEMS.map((i) => (marks[i] ?? []).reduce((a, b) => a + b, 0))), counts, ...rates(marks['总体评价'] ?? []), grade, rank, interview, downItems, byItem };
}

/**
 * A hand-made tally of 10 ballots (one blank): two 王伟 in different units, a tie for rank 2,
 * one 一般 and one 差 (both 约谈), and a person with no valid mark at all.
 */
export function handMadeBallot(): BallotSummary {
  return {
    items: ITEMS,
    choices: CHOICES,
    gradeItem: '总体评价',
    present: 10,
    cast: 10,
    blank: 1,
    groups: [],
    persons: [
      person('张建华', '区卫生计生局机关党委', { 对党建工作重视程度: [8, 1, 0, 0], 党建工作成效: [7, 2, 0, 0], 总体评价: [8, 1, 0, 0] }, 1, '好', false),
      person('王伟', '侯营镇卫生院党支部', { 对党建工作重视程度: [6, 3, 0, 0], 党建工作成效: [5, 3, 1, 0], 总体评价: [6, 2, 1, 0] }, 2, '好', false),
      person('王伟', '堂邑镇卫生院党支部', { 对党建工作重视程度: [6, 2, 1, 0], 党建工作成效: [6, 2, 1, 0], 总体评价: [6, 2, 0, 1] }, 2, '好', false),
      person('孙长山', '道口铺街道社区卫生服务中心党支部', { 对党建工作重视程度: [2, 2, 5, 0], 党建工作成效: [1, 2, 5, 1], 总体评价: [2, 2, 4, 1] }, 4, '一般', true, ['对党建工作重视程度', '党建工作成效', '总体评价']),
      person('郑宝山', '区计划生育协会党支部', { 对党建工作重视程度: [3, 3, 2, 1], 党建工作成效: [1, 2, 3, 3], 总体评价: [1, 2, 3, 3] }, 5, '差', true, ['党建工作成效', '总体评价']),
      person('吴学文', '梁水镇卫生院党支部', {}, null, null, false),
    ],
  };
}

/** The hand-made tally as the report carries it (`--json`'s `ballot`), which console and pane show. */
export function handMadeBallotJson(lang: 'zh' | 'en' = 'zh', problems: Array<{ zh: string; en: string }> = []) {
  return ballotJson({ ...handMadeBallot(), problems }, lang);
}
