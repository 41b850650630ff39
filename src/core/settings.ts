import { z } from 'zod';
import { dayFromIso } from './read/date';
import { BallotSettingsSchema } from './kinds/ballot/types';

export type { RuleId } from './rules/catalogue';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((s) => dayFromIso(s) !== null, '没有这一天 / no such date');

const ColumnLetter = z.string().regex(/^[A-Za-z]{1,3}$/, '列应写成字母，如 C / a column is a letter such as C');

/** The kinds a settings override may name (src/core/kinds/registry.ts checks it lists every kind). */
export const KIND_IDS = ['responsibility', 'aid', 'ballot'] as const;

export const SheetOverrideSchema = z.object({
  kind: z.enum([...KIND_IDS, 'skip']).optional(),
  /** Excel row number of the (first) header row. */
  headerRow: z.number().int().positive().optional(),
  /** key → column letter, e.g. { "owner": "H" } */
  columns: z.record(z.string(), ColumnLetter).optional(),
});
export type SheetOverride = z.infer<typeof SheetOverrideSchema>;

export const RuleSettingSchema = z.object({
  enabled: z.boolean().optional(),
  severity: SeveritySchema.optional(),
});

export const GradeThresholdSchema = z.object({ grade: z.string().min(1), min: z.number().min(0).max(1) });

export const SettingsSchema = z
  .object({
    /** The day deadlines are judged against; the host fills in today when absent. */
    asOf: IsoDate.optional(),
    lang: z.enum(['zh', 'en']).default('zh'),
    /** What the 分值 column must add up to per sheet; null switches score.max-total off. */
    totalPoints: z.number().positive().nullable().default(100),
    /** Highest first: the first threshold a unit's rate reaches gives its grade. */
    gradeThresholds: z
      .array(GradeThresholdSchema)
      .min(1)
      // Highest first and strictly falling: 好 50 under 较好 80 would grade every unit 较好 or worse.
      .superRefine((g, ctx) => {
        const pct = (m: number) => `${Math.round(m * 1000) / 10}%`;
        for (let i = 1; i < g.length; i++)
          if (g[i].min >= g[i - 1].min)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'min'],
              message: `分数线应从高到低：“${g[i - 1].grade}” ${pct(g[i - 1].min)} 应高于“${g[i].grade}” ${pct(g[i].min)} / thresholds must fall from the highest: ${g[i - 1].grade} ${pct(g[i - 1].min)} must be above ${g[i].grade} ${pct(g[i].min)}`,
            });
      })
      .default([
        { grade: '好', min: 0.9 },
        { grade: '较好', min: 0.8 },
        { grade: '一般', min: 0.6 },
        { grade: '差', min: 0 },
      ]),
    vetoMarker: z.string().min(1).default('一票否决'),
    /** State-description grades and the share of the item's points each earns. */
    stateGrades: z.record(z.string(), z.number().min(0).max(1)).default({ A: 1, B: 0.66, C: 0.33, G: 0 }),
    rules: z.record(z.string(), RuleSettingSchema).default({}),
    /** Per sheet name, or "*" for every sheet. */
    sheets: z.record(z.string(), SheetOverrideSchema).default({}),
    /** Cross-column rules such as "(1)=(2)+(5)" or "total=cash+goodsValue". */
    equations: z.array(z.string().min(3)).default([]),
    /** Campaign window for visit dates (aid ledgers). */
    window: z.object({ from: IsoDate, to: IsoDate }).optional(),
    /** Per-household cap in 元 (aid ledgers). */
    capPerHousehold: z.number().positive().default(5000),
    /** Show whole ID numbers in summaries and reports instead of masking them. */
    showIds: z.boolean().default(false),
    /** Review ballots (述职评议 / 民主测评): choice sets, grade rule, groups, 实到人数. */
    ballot: BallotSettingsSchema.optional(),
  })
  .refine((s) => !s.window || s.window.from <= s.window.to, { message: '活动时间窗口的开始晚于结束 / window starts after it ends', path: ['window'] });

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export function parseSettings(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {});
}
