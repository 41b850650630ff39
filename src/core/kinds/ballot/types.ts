import { z } from 'zod';

/**
 * The ballot kind's public shapes (述职评议 / 民主测评 / 群众评议), as BALLOT-SPEC.md gives them:
 * the `ballot` settings slice and the tally that `--json` prints as `ballot`. Tabs, console and
 * pane are built against these types; change them only together with those.
 */

/**
 * Best → worst. The first is the default set; a sheet uses the set whose words its header shows.
 * 优秀 / 称职 / 基本称职 / 不称职 is the set of 年度考核 and 领导班子 民主测评 tables.
 */
export const DEFAULT_CHOICE_SETS: string[][] = [
  ['好', '较好', '一般', '差'],
  ['满意', '基本满意', '不满意'],
  ['优秀', '称职', '基本称职', '不称职'],
];

export const DEFAULT_GRADE_ITEM = '总体评价';
export const DEFAULT_WORST_SHARE = 1 / 3;

export const BallotGroupSchema = z.object({
  /** 领导 / 党员 / 群众: shown in the summary. */
  name: z.string().trim().min(1),
  /** Relative weight (0.4, 0.3, 0.3 or 40, 30, 30): renormalised over the groups a person has marks from. */
  weight: z.number().positive(),
  /** A substring of the file name or the sheet name that puts a sheet in this group. */
  match: z.string().trim().min(1),
});
export type BallotGroup = z.infer<typeof BallotGroupSchema>;

export const GradeRuleSchema = z.object({
  /** The worst choice wins outright when its share reaches this (default 1/3: 差票 ≥ 三分之一 → 差). */
  worstShare: z.number().min(0).max(1).default(DEFAULT_WORST_SHARE),
  /** Which of two choices with the same largest share wins: the worse (lower) or the better one. */
  tie: z.enum(['lower', 'higher']).default('lower'),
});
export type GradeRule = z.infer<typeof GradeRuleSchema>;

const ChoiceSetSchema = z
  .array(z.string().trim().min(1))
  .min(2)
  .refine((s) => new Set(s).size === s.length, '同一组选项中有重复的词 / a choice set repeats a word');

export const BallotSettingsSchema = z.object({
  /** Known choice sets, each best → worst. */
  choiceSets: z.array(ChoiceSetSchema).min(1).default(DEFAULT_CHOICE_SETS),
  /** The item whose marks decide the overall grade; when a sheet has no such item every item's marks are pooled. */
  gradeItem: z.string().trim().min(1).default(DEFAULT_GRADE_ITEM),
  gradeRule: GradeRuleSchema.default({ worstShare: DEFAULT_WORST_SHARE, tie: 'lower' }),
  /**
   * Grades that mean an interview (约谈). Absent: every choice below the best two
   * (一般 and 差 of 好/较好/一般/差; 不满意 of 满意/基本满意/不满意; 基本称职 and 不称职 of 优秀/称职/基本称职/不称职).
   */
  interviewGrades: z.array(z.string().trim().min(1)).optional(),
  /** 实到人数; wins over the one a title line states. */
  present: z.number().int().positive().optional(),
  /** Weighted groups of evaluators, one file or sheet per group. Empty: no weighting. */
  groups: z.array(BallotGroupSchema).default([]),
});
export type BallotSettings = z.infer<typeof BallotSettingsSchema>;
export type BallotSettingsInput = z.input<typeof BallotSettingsSchema>;

export const DEFAULT_BALLOT_SETTINGS: BallotSettings = BallotSettingsSchema.parse({});

/**
 * The interview grades of a choice set: the settings' (those in the set), else all below the best
 * two. Settings written for another set (一般、差 on a 满意 ballot) fall back to the default rather
 * than interview no one.
 */
export function interviewGradesFor(choices: readonly string[], settings: Pick<BallotSettings, 'interviewGrades'>): string[] {
  const own = settings.interviewGrades?.filter((g) => choices.includes(g)) ?? [];
  return own.length > 0 ? own : choices.slice(2);
}

/** One group's part in the summary: how many ballots came from its files or sheets. */
export interface BallotGroupSummary {
  name: string;
  weight: number;
  ballots: number;
}

/** One item's result for a person: the same grade rule on that item's marks alone. */
export interface BallotItemResult {
  /** Valid marks on this item (raw, over all groups). */
  valid: number;
  goodRate: number | null;
  goodOrBetterRate: number | null;
  grade: string | null;
}

/** One person's tally (a person is 姓名 + 单位). */
export interface BallotPerson {
  person: string;
  unit: string;
  /** Ballots on which this person has at least one valid mark. */
  ballots: number;
  /** counts[item][choice]: valid marks only, unweighted, every item and choice present (0 when none). */
  counts: Record<string, Record<string, number>>;
  /** Share of the best choice on the grade item (weighted by groups when groups are set); null without valid marks. */
  goodRate: number | null;
  /** Share of the best two choices. */
  goodOrBetterRate: number | null;
  /** By the grade rule; null without valid marks. */
  grade: string | null;
  /** Competition ranking (1, 1, 3) by goodRate then goodOrBetterRate; null without a grade. */
  rank: number | null;
  /** The grade is an interview grade (约谈). */
  interview: boolean;
  /** Items that pulled the person down: own grade an interview grade, or worst share ≥ worstShare. */
  downItems: string[];
  /** Per item: valid marks, rates and grade (the 测评汇总 tab shows them beside the counts). */
  byItem: Record<string, BallotItemResult>;
}

/** `--json`'s `ballot` field: null when the run found no ballot sheet. */
export interface BallotSummary {
  /** Every item, in the order first seen. */
  items: string[];
  /** The choice set, best → worst. */
  choices: string[];
  /** The item that decides the grade, or null when every item's marks are pooled. */
  gradeItem: string | null;
  /** 实到人数: settings, else the sum of the title lines' figures; null when none is known. */
  present: number | null;
  /** Ballots handed in, blank ones included. */
  cast: number;
  /** Wholly blank ballots (废票). */
  blank: number;
  groups: BallotGroupSummary[];
  /** In rank order; persons without a rank last, in order of first appearance. */
  persons: BallotPerson[];
  /**
   * Problems with the run as a whole, not any one cell (a sheet that matches no group in the
   * settings, a sheet with another choice set): said to the user beside the findings.
   */
  problems?: Array<{ zh: string; en: string }>;
}
