import { z } from 'zod';
import { CheckResult } from './engine';
import { Finding, FindingSchema, ReportedFinding } from './findings';
import { Lang, renderMessage } from './messages';

export const TOOL_NAME = 'ledgercheck';

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
});

const TotalsSchema = z.object({ households: z.number().int(), persons: z.number(), cash: z.number(), goods: z.number(), amount: z.number() });
const SourceSheetSchema = z.object({ file: z.string(), sheet: z.string() });
const GroupSchema = TotalsSchema.extend({ sources: z.record(z.string(), z.number()), sheets: z.array(SourceSheetSchema) });

export const AidSchema = z.object({
  total: TotalsSchema,
  byCounty: z.array(GroupSchema.extend({ county: z.string() })),
  byTownship: z.array(GroupSchema.extend({ county: z.string(), township: z.string() })),
  bySource: z.array(z.object({ source: z.string(), amount: z.number() })),
  byType: z.array(z.object({ type: z.string(), households: z.number().int(), amount: z.number() })),
  duplicates: z.array(z.object({ id: z.string(), places: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string() })) })),
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
    byRule: z.record(z.string(), z.number().int()),
  }),
  responsibility: z
    .object({
      units: z.array(UnitSchema),
      lost: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), maxScore: z.number(), score: z.number(), lost: z.number(), reason: z.string() })),
      overdue: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string(), unit: z.string(), owner: z.string(), item: z.string(), deadline: z.string(), days: z.number().int(), status: z.string() })),
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

export function countFindings(findings: Finding[]): Report['summary'] {
  const byRule: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, ready: errors === 0, byRule };
}

export function buildReport(result: CheckResult, lang: Lang, version: string): Report {
  return {
    tool: { name: TOOL_NAME, version },
    asOf: result.asOf,
    files: result.files.map((f) => ({ file: f.file, sheets: f.sheets.map((s) => ({ ...s, reason: s.reason[lang] })) })),
    findings: result.findings.map((f) => reportFinding(f, lang)),
    summary: countFindings(result.findings),
    responsibility: result.responsibility,
    aid: result.aid,
  };
}
