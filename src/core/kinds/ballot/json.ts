import { z } from 'zod';
import { BallotSummary } from './types';

/**
 * The `ballot` section of the `--json` report (BALLOT-SPEC.md): counts over valid marks only,
 * rates 0..1, persons in rank order. Other tools read these names: keep them.
 */
const Rate = z.number().min(0).max(1).nullable();

export const BallotItemJsonSchema = z.lazy(() => z.object({ valid: z.number().int().min(0), goodRate: Rate, goodOrBetterRate: Rate, grade: z.string().nullable() }));

export const BallotPersonJsonSchema = z.lazy(() =>
  z.object({
    person: z.string(),
    unit: z.string(),
    ballots: z.number().int().min(0),
    counts: z.record(z.string(), z.record(z.string(), z.number().int().min(0))),
    goodRate: Rate,
    goodOrBetterRate: Rate,
    grade: z.string().nullable(),
    rank: z.number().int().positive().nullable(),
    interview: z.boolean(),
    downItems: z.array(z.string()),
    byItem: z.record(z.string(), BallotItemJsonSchema),
  }),
);

/** Built when first parsed (see aid/json.ts). */
export const BallotJsonSchema = z.lazy(() =>
  z.object({
    items: z.array(z.string()),
    choices: z.array(z.string()),
    gradeItem: z.string().nullable(),
    present: z.number().int().positive().nullable(),
    cast: z.number().int().min(0),
    blank: z.number().int().min(0),
    groups: z.array(z.object({ name: z.string(), weight: z.number().positive(), ballots: z.number().int().min(0) })),
    persons: z.array(BallotPersonJsonSchema),
    /** Run-level problems (a sheet in no group, a second choice set), each one sentence in the report's language. */
    problems: z.array(z.string()).optional(),
  }),
);
export type BallotJson = z.infer<typeof BallotJsonSchema>;

/** The summary as the report prints it; floating-point noise (0.30000000000000004) rounded off. */
export function ballotJson(summary: BallotSummary, lang: 'zh' | 'en'): BallotJson {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 1e12) / 1e12);
  const out: BallotJson = {
    items: summary.items,
    choices: summary.choices,
    gradeItem: summary.gradeItem,
    present: summary.present,
    cast: summary.cast,
    blank: summary.blank,
    groups: summary.groups,
    persons: summary.persons.map((p) => ({
      ...p,
      goodRate: r(p.goodRate),
      goodOrBetterRate: r(p.goodOrBetterRate),
      byItem: Object.fromEntries(Object.entries(p.byItem).map(([k, v]) => [k, { ...v, goodRate: r(v.goodRate), goodOrBetterRate: r(v.goodOrBetterRate) }])),
    })),
  };
  if (summary.problems && summary.problems.length > 0) out.problems = summary.problems.map((p) => p[lang]);
  return out;
}
