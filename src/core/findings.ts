import { z } from 'zod';
import type { RuleId, Severity } from './settings';

export type { ReportedFinding } from './report';

export const PlaceSchema = z.object({ file: z.string(), sheet: z.string(), cell: z.string() });
export type Place = z.infer<typeof PlaceSchema>;

export type ParamValue = string | number;

/**
 * One wrong (or notable) cell. Plain data: the message is rendered from `rule` and `params`
 * when a report is made, in the language asked for.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  sheet: string;
  cell: string;
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  params: Record<string, ParamValue>;
  /** Other places of the same duplicate. */
  related?: Place[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Errors first, then files and sheets in the order given (`order` maps file + sheet to its
 * position), then row and column, so reports read like the workbook.
 */
export function compareFindings(order: (f: Finding) => number, a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    order(a) - order(b) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    a.cell.length - b.cell.length ||
    a.cell.localeCompare(b.cell) ||
    a.rule.localeCompare(b.rule)
  );
}

export function placeText(p: Place, file?: string): string {
  return (p.file !== file ? `${p.file} ` : '') + `${p.sheet}!${p.cell}`;
}

/** How many other places a duplicate's message names, and how many it carries in `related`. */
export const MAX_NAMED = 5;
export const MAX_RELATED = 20;

/**
 * The other places of a duplicate, for one of its members: `candidates` is a short list of the
 * group's first places (it may hold `self`), `total` how many others there are in all. Linear in
 * the group, never n²: a clerk who fills one ID down 20,000 rows gets short messages, quickly.
 */
export function otherPlaces(candidates: Place[], self: Place, total: number, file: string): { related: Place[]; others: string; othersEn: string } {
  const related = candidates.filter((p) => p !== self).slice(0, MAX_RELATED);
  const named = related.slice(0, MAX_NAMED).map((p) => placeText(p, file));
  const more = total - named.length;
  return {
    related,
    others: named.join('、') + (more > 0 ? ` 等 ${total} 处` : ''),
    othersEn: named.join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}
