import { z } from 'zod';

/** The `--json` report's `responsibility` section: keep these names. Rates 0..1, dates YYYY-MM-DD. Built when first parsed (see aid/json.ts). */
export const ResponsibilitySchema = z.lazy(() => {
  const UnitSchema = z.object({
    unit: z.string(),
    tasks: z.number().int(),
    completed: z.number().int(),
    inProgress: z.number().int(),
    overdue: z.number().int(),
    maxPoints: z.number(),
    points: z.number(),
    lost: z.number(),
    scoredPoints: z.number(),
    unscored: z.number().int(),
    rate: z.number().min(0).max(1).nullable(),
    grade: z.string(),
    rank: z.number().int().nullable(),
    veto: z.boolean(),
  });

  return z.object({
    units: z.array(UnitSchema),
    lost: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), maxScore: z.number(), score: z.number(), lost: z.number(), reason: z.string(), section: z.string().optional() })),
    overdue: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), deadline: z.string(), days: z.number().int(), status: z.string(), section: z.string().optional() })),
  });
});
export type ResponsibilityJson = z.infer<typeof ResponsibilitySchema>;
