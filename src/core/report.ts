import { z } from 'zod';
import { CheckResultBase } from './engine';
import { Finding, PlaceSchema } from './findings';
import type { AnyKind } from './kind';
import { KindId, KINDS, Kinds } from './kinds/registry';
import { RULE_IDS } from './rules/catalogue';
import { SeveritySchema } from './settings';
import { Lang, renderMessage } from './messages';
import type { LedgerResult } from './pipeline';
import { countsOf, expectedHeaders, noTableReason, verdictText, VerdictStatus } from './verdict';

export const TOOL_NAME = 'ledgercheck';

/**
 * The report's schemas are built when first parsed (z.lazy): tests and other tools validate a
 * report, a check does not, and every start of the command line paid for building them.
 */
export const FindingSchema = z.lazy(() =>
  z.object({
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
  }),
);
export type ReportedFinding = z.infer<typeof FindingSchema>;

export const DistributionSchema = z.lazy(() => {
  const TallySchema = z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() });
  return z.object({
    byFile: z.array(TallySchema.extend({ file: z.string() })),
    byPlace: z.array(TallySchema.extend({ county: z.string(), township: z.string() })),
    byUnit: z.array(TallySchema.extend({ unit: z.string() })),
  });
});

/** Each kind's section of the report, under its id: null when the run had no sheet of it. */
type KindSections = { [K in Kinds[number] as K['id']]: z.ZodNullable<K['json']['schema']> };

/** The JSON report other tools read: keep these names. Money in 元, rates 0..1, dates YYYY-MM-DD. */
export const ReportSchema = z.lazy(() => {
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

  const KIND_SECTIONS = Object.fromEntries((KINDS as readonly AnyKind[]).map((k) => [k.id, k.json.schema.nullable()])) as KindSections;
  return z.object({
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
    ...KIND_SECTIONS,
  });
});

export type Report = z.infer<typeof ReportSchema>;

export function reportFinding(f: Finding, lang: Lang): ReportedFinding {
  const { message, hint } = renderMessage(f.rule, f.params, lang);
  const out: ReportedFinding = { rule: f.rule, severity: f.severity, file: f.file, sheet: f.sheet, cell: f.cell, row: f.row, column: f.column, value: f.value, message, hint };
  if (f.related) out.related = f.related;
  return out;
}

/** Counts and the verdict: not ready when errors are found, nor when there was nothing to check. */
export function summarize(result: Pick<CheckResultBase, 'findings' | 'files'>, lang: Lang): Report['summary'] {
  const byRule: Record<string, number> = {};
  for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const counts = countsOf(result.findings);
  const why = noTableReason(result.files);
  const status: VerdictStatus = why ? 'no-table' : counts.errors > 0 ? 'errors' : 'ready';
  return { ...counts, ready: status === 'ready', status, verdict: verdictText({ ...counts, status, why: why ?? undefined, expected: expectedHeaders(KINDS) }, lang), byRule };
}

export function buildReport(result: LedgerResult, lang: Lang, version: string): Report {
  const sections: Record<string, unknown> = {};
  const summaries = result as unknown as Record<string, unknown>;
  for (const k of KINDS as readonly AnyKind[]) {
    const summary = summaries[k.id];
    sections[k.id] = summary === null || summary === undefined ? null : k.json.of(summary, lang);
  }
  return {
    tool: { name: TOOL_NAME, version },
    asOf: result.asOf,
    files: result.files.map((f) => ({ file: f.file, sheets: f.sheets.map((s) => ({ ...s, reason: s.reason[lang] })) })),
    findings: result.findings.map((f) => reportFinding(f, lang)),
    summary: summarize(result, lang),
    distribution: result.distribution,
    ...(sections as Pick<Report, KindId>),
  };
}
