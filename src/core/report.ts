import { z } from 'zod';
import { CheckResult } from './engine';
import { Finding, PlaceSchema } from './findings';
import { RULE_IDS } from './rules/catalogue';
import { SeveritySchema } from './settings';
import { Lang, renderMessage } from './messages';
import { aidHeadline } from './kinds/aid/headline';
import { countsOf, noTableReason, verdictText, VerdictStatus } from './verdict';

export const TOOL_NAME = 'ledgercheck';

export const FindingSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity: SeveritySchema,
  file: z.string(),
  sheet: z.string(),
  cell: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  message: z.string(),
  hint: z.string(),
  related: z.array(PlaceSchema).optional(),
});
export type ReportedFinding = z.infer<typeof FindingSchema>;

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

const SheetSchema = z.object({
  name: z.string(),
  kind: z.string(),
  headerRows: z.array(z.number().int()),
  dataRange: z.string().nullable(),
  columns: z.record(z.string(), z.string()),
  rows: z.number().int(),
  reason: z.string(),
  prose: z.literal(true).optional(),
});

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

export const AidSchema = z.object({
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

const TallySchema = z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() });
export const DistributionSchema = z.object({
  byFile: z.array(TallySchema.extend({ file: z.string() })),
  byPlace: z.array(TallySchema.extend({ county: z.string(), township: z.string() })),
  byUnit: z.array(TallySchema.extend({ unit: z.string() })),
});

/** The JSON report other tools read: keep these names. Money in 元, rates 0..1, dates YYYY-MM-DD. */
export const ReportSchema = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  asOf: z.string(),
  files: z.array(z.object({ file: z.string(), sheets: z.array(SheetSchema) })),
  findings: z.array(FindingSchema),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    ready: z.boolean(),
    status: z.enum(['ready', 'errors', 'no-table']),
    /** The same sentence the console, the task pane and 检查结果's title show. */
    verdict: z.string(),
    byRule: z.record(z.string(), z.number().int()),
  }),
  distribution: DistributionSchema,
  responsibility: z
    .object({
      units: z.array(UnitSchema),
      lost: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), maxScore: z.number(), score: z.number(), lost: z.number(), reason: z.string(), section: z.string().optional() })),
      overdue: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), deadline: z.string(), days: z.number().int(), status: z.string(), section: z.string().optional() })),
    })
    .nullable(),
  aid: AidSchema.nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export function reportFinding(f: Finding, lang: Lang): ReportedFinding {
  const { message, hint } = renderMessage(f.rule, f.params, lang);
  const out: ReportedFinding = { rule: f.rule, severity: f.severity, file: f.file, sheet: f.sheet, cell: f.cell, row: f.row, column: f.column, value: f.value, message, hint };
  if (f.related) out.related = f.related;
  return out;
}

/** Counts and the verdict: not ready when errors are found, nor when there was nothing to check. */
export function summarize(result: Pick<CheckResult, 'findings' | 'files'>, lang: Lang): Report['summary'] {
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const counts = countsOf(result.findings);
  const why = noTableReason(result.files);
  const status: VerdictStatus = why ? 'no-table' : counts.errors > 0 ? 'errors' : 'ready';
  return { ...counts, ready: status === 'ready', status, verdict: verdictText({ ...counts, status, why: why ?? undefined }, lang), byRule };
}

export function buildReport(result: CheckResult, lang: Lang, version: string): Report {
  return {
    tool: { name: TOOL_NAME, version },
    asOf: result.asOf,
    files: result.files.map((f) => ({ file: f.file, sheets: f.sheets.map((s) => ({ ...s, reason: s.reason[lang] })) })),
    findings: result.findings.map((f) => reportFinding(f, lang)),
    summary: summarize(result, lang),
    distribution: result.distribution,
    responsibility: result.responsibility,
    aid: result.aid ? { ...result.aid, headline: aidHeadline(result.aid.total, lang) } : null,
  };
}
