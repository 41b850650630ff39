import { inLang, Lang } from '../../lang';
import { ColumnSpec, displayWidth, OutCell, RowTone, SheetDescription } from '../../summary/sheet';
import { cell, cells, inBothLangs, NOT_TAB, shaped, TabSignature } from '../../summary/tab-signature';
import type { TabContext } from '../../summary/tabs';
import { BallotPerson, BallotSettings, BallotSummary, DEFAULT_BALLOT_SETTINGS, interviewGradesFor } from './types';

const TAB_NAMES = {
  ballot: { zh: '测评汇总', en: 'Ballot summary' },
  interviews: { zh: '约谈名单', en: 'Interviews' },
};

const t = inLang;

/** The tabs' titles and headers in both languages: what they write, and how they are known after an edit. */
const TEXT = {
  ballotTitle: (lang: Lang, persons: string) => t(lang, `测评结果汇总（${persons} 人，按排名）`, `Ballot results (${persons} persons, in rank order)`),
  interviewTitle: (lang: Lang, grades: string[], persons: string) => t(lang, `约谈名单（总体等次为${grades.join('、')}，共 ${persons} 人）`, `Interviews (grade ${grades.join(' or ')}: ${persons} persons)`),
  rank: { zh: '排名', en: 'Rank' },
  name: { zh: '姓名', en: 'Name' },
  unit: { zh: '单位', en: 'Unit' },
  ballots: { zh: '有效票', en: 'Valid ballots' },
  grade: { zh: '总体等次', en: 'Grade' },
  interview: { zh: '是否约谈', en: 'Interview' },
  down: { zh: '拉低的测评项目', en: 'Items that pulled down' },
  deadline: { zh: '整改时限', en: 'Deadline to improve' },
  /** Per item, a choice's count or a rate: 工作实绩·好. */
  itemColumn: (item: string, what: string) => `${item}·${what}`,
  goodRate: (lang: Lang, best: string) => t(lang, `${best}票率`, `${best} rate`),
  worstMarks: (lang: Lang, worst: string) => t(lang, `${worst}票数`, `${worst} marks`),
};

/** What the ballot tabs are made from: the tally, the settings it was made with, the files read. */
export interface BallotTabInput {
  ballot: BallotSummary;
  lang: Lang;
  files: string[];
  settings?: BallotSettings;
}


const HALF = 1 / 2;
const THIRD = 1 / 3;

/** 1/3 as an office says it (三分之一), other shares as a percent. */
export function shareText(x: number, lang: Lang): string {
  if (Math.abs(x - THIRD) < 1e-9) return t(lang, '三分之一', 'one third');
  if (Math.abs(x - HALF) < 1e-9) return t(lang, '二分之一', 'half');
  return `${Number((x * 100).toFixed(1))}%`;
}

/**
 * Series colours for a choice set, best (green) to worst (red): a reader sees at a glance how
 * much of a bar is 差. Three and four choices have their own; other sets are spread over six.
 */
export function choiceColors(n: number): string[] {
  if (n === 4) return ['2E7D32', '9CCC65', 'FFB300', 'D32F2F'];
  if (n === 3) return ['2E7D32', 'FFB300', 'D32F2F'];
  const ramp = ['1B5E20', '4CAF50', 'CDDC39', 'FFC107', 'FF7043', 'C62828'];
  return Array.from({ length: n }, (_, i) => ramp[n === 1 ? 0 : Math.round((i * (ramp.length - 1)) / (n - 1))]);
}

/** The rule as it was applied, in one sentence, for the subtitle (and the console). */
export function gradeRuleText(ballot: BallotSummary, settings: BallotSettings, lang: Lang): string {
  const worst = ballot.choices[ballot.choices.length - 1];
  const basis = ballot.gradeItem
    ? t(lang, `总体等次按“${ballot.gradeItem}”一项的票`, `the overall grade is read from “${ballot.gradeItem}”`)
    : t(lang, `表中没有“${settings.gradeItem}”一项，总体等次按全部测评项目的票合计`, `no “${settings.gradeItem}” item, so the overall grade pools every item's marks`);
  const rule = t(
    lang,
    `：${worst}票达到有效票的${shareText(settings.gradeRule.worstShare, lang)}评为“${worst}”，否则取票数最多的等次（票数相同取${settings.gradeRule.tie === 'lower' ? '较低' : '较高'}的等次）`,
    `: “${worst}” when its share reaches ${shareText(settings.gradeRule.worstShare, lang)}, else the choice with most marks (a tie goes to the ${settings.gradeRule.tie === 'lower' ? 'lower' : 'higher'} one)`,
  );
  return basis + rule;
}

/** The groups' weights as percents of their sum, with their ballots: 领导 40%（3 张）、党员 30%（3 张）; '' without groups. */
export function weightsText(groups: BallotSummary['groups'], lang: Lang): string {
  const sum = groups.reduce((n, g) => n + g.weight, 0);
  if (groups.length === 0 || sum <= 0) return '';
  return groups.map((g) => `${g.name} ${Number(((g.weight / sum) * 100).toFixed(1))}%（${g.ballots} ${t(lang, '张', 'ballots')}）`).join(t(lang, '、', ', '));
}

function groupsText(ballot: BallotSummary, lang: Lang): string {
  const weights = weightsText(ballot.groups, lang);
  return weights ? t(lang, `；按 ${weights} 加权计算好票率和等次`, `; rates and grades weighted by group: ${weights}`) : '';
}

/** The cast line: 实到 60 人，收回 60 张（废票 1 张）. */
export function castText(ballot: Pick<BallotSummary, 'present' | 'cast' | 'blank'>, lang: Lang): string {
  const present = ballot.present === null ? '' : t(lang, `实到 ${ballot.present} 人，`, `${ballot.present} present, `);
  return t(lang, `${present}收回测评票 ${ballot.cast} 张（废票 ${ballot.blank} 张）`, `${present}${ballot.cast} ballots cast (${ballot.blank} blank)`);
}

/** A person's name, with the unit when another person of the list has the same name (two 王伟). */
export function personLabels(persons: BallotPerson[]): string[] {
  const seen = new Map<string, number>();
  for (const p of persons) seen.set(p.person, (seen.get(p.person) ?? 0) + 1);
  return persons.map((p) => ((seen.get(p.person) ?? 0) > 1 && p.unit ? `${p.person}（${p.unit}）` : p.person));
}

function rateHeaders(choices: string[], lang: Lang): [string, string] {
  const [best, second] = choices;
  return [TEXT.goodRate(lang, best), t(lang, `${best}+${second}率`, `${best}+${second} rate`)];
}

function unitWidth(persons: BallotPerson[]): number {
  return Math.min(26, Math.max(12, ...persons.map((p) => displayWidth(p.unit) + 2)));
}

function worstCount(ballot: BallotSummary, p: BallotPerson): number {
  const worst = ballot.choices[ballot.choices.length - 1];
  const items = ballot.gradeItem ? [ballot.gradeItem] : ballot.items;
  return items.reduce((n, item) => n + (p.counts[item]?.[worst] ?? 0), 0);
}

/**
 * 测评汇总: one row per person in rank order: 排名, 姓名, 单位, 有效票, then per item the count of
 * each choice and its 好票率 / 好+较好率, then 总体等次 and 是否约谈; 约谈 rows stand out (差 red,
 * 一般 yellow). A stacked bar per person shows the grade item's choices (every item's, pooled, when
 * the ballots have no grade item).
 */
export function ballotSummaryTab(input: BallotTabInput): SheetDescription {
  const { ballot, lang } = input;
  const settings = input.settings ?? DEFAULT_BALLOT_SETTINGS;
  const { choices, items, persons } = ballot;
  const [goodHeader, betterHeader] = rateHeaders(choices, lang);
  const worst = choices[choices.length - 1];
  const columns: ColumnSpec[] = [
    { header: TEXT.rank[lang], width: 5, format: 'integer' },
    { header: TEXT.name[lang], width: Math.min(30, Math.max(8, ...personLabels(persons).map((l) => displayWidth(l) + 1))) },
    { header: TEXT.unit[lang], width: unitWidth(persons), wrap: true },
    { header: TEXT.ballots[lang], width: 6, format: 'integer' },
  ];
  // Per item: its choices' counts, then its two rates; the grade item's rates are the person's own
  // (weighted when groups are set), so they match 总体等次.
  const blocks = items.map((item) => ({ item, label: item, pooled: false }));
  if (!ballot.gradeItem) blocks.push({ item: '', label: t(lang, '全部项目合计', 'All items'), pooled: true });
  let gradeCols: number[] = [];
  for (const b of blocks) {
    const first = columns.length;
    for (const c of choices) columns.push({ header: TEXT.itemColumn(b.label, c), width: Math.max(5, displayWidth(c) + 2), format: 'integer' });
    if (b.pooled || b.item === ballot.gradeItem) gradeCols = choices.map((_, i) => first + i);
    columns.push({ header: TEXT.itemColumn(b.label, goodHeader), width: 7, format: 'percent' }, { header: TEXT.itemColumn(b.label, betterHeader), width: 7, format: 'percent' });
  }
  columns.push({ header: TEXT.grade[lang], width: Math.max(6, ...choices.map((c) => displayWidth(c) + 2)) }, { header: TEXT.interview[lang], width: 6 });

  const labels = personLabels(persons);
  const rowTones: Array<RowTone | null> = [];
  const rows: OutCell[][] = persons.map((p, i) => {
    const row: OutCell[] = [p.rank, labels[i], p.unit, p.ballots];
    for (const b of blocks) {
      if (b.pooled) {
        for (const c of choices) row.push(items.reduce((n, item) => n + (p.counts[item]?.[c] ?? 0), 0));
        row.push(p.goodRate, p.goodOrBetterRate);
        continue;
      }
      for (const c of choices) row.push(p.counts[b.item]?.[c] ?? 0);
      const own = b.item === ballot.gradeItem ? { goodRate: p.goodRate, goodOrBetterRate: p.goodOrBetterRate } : p.byItem[b.item];
      row.push(own?.goodRate ?? null, own?.goodOrBetterRate ?? null);
    }
    row.push(p.grade ?? t(lang, '无有效票', 'no valid mark'), p.interview ? t(lang, '是', 'yes') : '');
    rowTones.push(p.interview ? (p.grade === worst ? 'error' : 'warning') : null);
    return row;
  });

  const interviewGrades = interviewGradesFor(choices, settings);
  const subtitle =
    castText(ballot, lang) +
    t(lang, '；', '; ') +
    gradeRuleText(ballot, settings, lang) +
    groupsText(ballot, lang) +
    t(
      lang,
      `；${goodHeader} = ${choices[0]}票 ÷ 该项有效票；排名按${goodHeader}、再按${betterHeader}，两者都相同的排名相同；总体等次为${interviewGrades.join('、')}的须约谈（见“${TAB_NAMES.interviews.zh}”）。文件 ${input.files.join('、')}`,
      `; ${goodHeader} = ${choices[0]} marks ÷ the item's valid marks; ranked by ${goodHeader}, then ${betterHeader}, equal on both share a rank; a grade of ${interviewGrades.join(' or ')} means an interview (see “${TAB_NAMES.interviews.en}”). Files ${input.files.join(', ')}`,
    );
  const problems = (ballot.problems ?? []).map((p) => p[lang]);
  const chartItem = ballot.gradeItem ?? t(lang, '全部项目', 'all items');
  return {
    role: 'ballot',
    name: TAB_NAMES.ballot[lang],
    title: TEXT.ballotTitle(lang, String(persons.length)),
    subtitle: problems.length > 0 ? `${subtitle}${t(lang, '。注意：', '. Note: ')}${problems.join(t(lang, '；', '; '))}` : subtitle,
    columns,
    rows,
    links: [],
    landscape: true,
    // About 200 characters wide for five items: A3 prints it at about full size, A4 at about 60%.
    paper: columns.reduce((n, c) => n + c.width + 1, 0) > 150 ? 'A3' : 'A4',
    tableName: 'LC_Ballot',
    rowTones,
    chart:
      persons.length > 0
        ? {
            type: 'stacked-bar',
            title: t(lang, `${chartItem}：各人${choices.join(' / ')}票数（按排名）`, `${chartItem}: ${choices.join(' / ')} marks per person (rank order)`),
            categoryCol: 1,
            valueCols: gradeCols,
            colors: choiceColors(choices.length),
            fromRow: 0,
            toRow: persons.length - 1,
          }
        : undefined,
  };
}

/**
 * 约谈名单: the persons whose grade means an interview, in rank order, with the items that pulled
 * them down and an empty 整改时限 for the office to fill in.
 */
export function interviewTab(input: BallotTabInput): SheetDescription {
  const { ballot, lang } = input;
  const settings = input.settings ?? DEFAULT_BALLOT_SETTINGS;
  const { choices } = ballot;
  const worst = choices[choices.length - 1];
  const [goodHeader] = rateHeaders(choices, lang);
  const listed = ballot.persons.filter((p) => p.interview);
  const rows: OutCell[][] = listed.map((p) => [p.person, p.unit, p.grade, p.goodRate, worstCount(ballot, p), p.downItems.join('、'), null]);
  const grades = interviewGradesFor(choices, settings);
  return {
    role: 'interviews',
    name: TAB_NAMES.interviews[lang],
    title: TEXT.interviewTitle(lang, grades, String(listed.length)),
    subtitle: t(
      lang,
      `按排名；“拉低的测评项目”是本项等次为${grades.join('、')}或${worst}票达到${shareText(settings.gradeRule.worstShare, lang)}的项目；整改时限请组织部门填写`,
      `In rank order; “Items that pulled down” are items graded ${grades.join(' or ')} or with ${worst} at ${shareText(settings.gradeRule.worstShare, lang)} or more; the office fills in the deadline`,
    ),
    columns: [
      { header: TEXT.name[lang], width: Math.max(8, ...listed.map((p) => displayWidth(p.person) + 1)) },
      { header: TEXT.unit[lang], width: unitWidth(listed), wrap: true },
      { header: TEXT.grade[lang], width: 8 },
      { header: goodHeader, width: 8, format: 'percent' },
      { header: TEXT.worstMarks(lang, worst), width: 8, format: 'integer' },
      { header: TEXT.down[lang], width: 40, wrap: true },
      { header: TEXT.deadline[lang], width: 14, format: 'date' },
    ],
    rows,
    links: [],
    landscape: true,
    tableName: 'LC_Interviews',
  };
}

/** The ballot kind's tabs: none without ballots. */
export function ballotTabs(input: Omit<BallotTabInput, 'ballot'> & { ballot: BallotSummary | null }): SheetDescription[] {
  if (!input.ballot) return [];
  const withBallot = { ...input, ballot: input.ballot };
  return [ballotSummaryTab(withBallot), interviewTab(withBallot)];
}

/**
 * The ballot kind's `tabs` (KindSpec): from the run's tally and tab context. `settings` is the
 * run's `ballot` slice, so the subtitles state the grade rule as configured.
 */
export function ballotKindTabs(summary: BallotSummary, ctx: TabContext, settings?: BallotSettings): SheetDescription[] {
  return ballotTabs({ ballot: summary, lang: ctx.lang, files: ctx.result.files.map((f) => f.file), settings });
}

/**
 * 测评汇总 and 约谈名单 as an office may have edited them (KindSpec.tabSignatures), e.g. 整改时限
 * filled in: per item one column per choice and its two rates (项目·选项), rate and count headers
 * named after the run's choices, titles counting the persons.
 */
export const BALLOT_TAB_SIGNATURES: readonly TabSignature[] = [
  ...inBothLangs('ballot', (lang) => new RegExp(`^${shaped((n) => TEXT.ballotTitle(lang, n), '\\d+')}$`), (lang) => [
    TEXT.rank[lang],
    TEXT.name[lang],
    TEXT.unit[lang],
    TEXT.ballots[lang],
    cells(shaped(TEXT.itemColumn, NOT_TAB, NOT_TAB)),
    TEXT.grade[lang],
    TEXT.interview[lang],
  ]),
  ...inBothLangs('interviews', (lang) => new RegExp(`^${shaped((grades, n) => TEXT.interviewTitle(lang, [grades], n), '.+', '\\d+')}$`), (lang) => [
    TEXT.name[lang],
    TEXT.unit[lang],
    TEXT.grade[lang],
    cell(shaped((best) => TEXT.goodRate(lang, best), NOT_TAB)),
    cell(shaped((worst) => TEXT.worstMarks(lang, worst), NOT_TAB)),
    TEXT.down[lang],
    TEXT.deadline[lang],
  ]),
];
