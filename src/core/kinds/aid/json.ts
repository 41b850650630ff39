import { z } from 'zod';

/**
 * The `--json` report's `aid` section: keep these names. Money in 元. Built when first parsed
 * (z.lazy, as every report schema): tests and other tools validate reports, a check does not.
 */
export const AidSchema = z.lazy(() => {
  /** Money the checker doubts, kept out of the totals: households, doubted cells, 元 at face value. */
  const PendingSchema = z.object({ households: z.number().int(), values: z.number().int(), amount: z.number() });
  /** Verified figures: cash + goods + unsplit = amount; the sources add up to amount. */
  const TotalsSchema = z.object({
    households: z.number().int(),
    persons: z.number(),
    cash: z.number(),
    goods: z.number(),
    unsplit: z.number(),
    amount: z.number(),
    pending: PendingSchema,
  });
  const SourceSheetSchema = z.object({ file: z.string(), sheet: z.string() });
  const GroupSchema = TotalsSchema.extend({ sources: z.record(z.string(), z.number()), sheets: z.array(SourceSheetSchema) });

  return z.object({
    total: TotalsSchema,
    byCounty: z.array(GroupSchema.extend({ county: z.string() })),
    byTownship: z.array(GroupSchema.extend({ county: z.string(), township: z.string() })),
    bySource: z.array(z.object({ source: z.string(), amount: z.number() })),
    byType: z.array(z.object({ type: z.string(), households: z.number().int(), amount: z.number(), pending: PendingSchema })),
    duplicates: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['aided-twice', 'id-mistyped']),
        places: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), county: z.string(), township: z.string(), head: z.string(), amount: z.number() })),
      }),
    ),
    /** One sentence: verified households and 万元, and how many amounts are 待核实. */
    headline: z.string(),
  });
});
export type AidJson = z.infer<typeof AidSchema>;
