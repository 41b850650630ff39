import type { ParamValue } from './findings';

export type Severity = 'error' | 'warning' | 'info';
type Params = Record<string, ParamValue>;
type Text = (p: Params) => string;

/**
 * One rule, defined once beside the check that reports it (as frictionless-py keeps an error's
 * code, name, template and description together): its stable id, default severity, a short
 * title, the message naming the cell, and the fix, Chinese first. `RuleId`, the severity table
 * and the message table are derived from these definitions.
 */
export interface RuleDef<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly title: { readonly zh: string; readonly en: string };
  readonly message: { readonly zh: Text; readonly en: Text };
  readonly fix: { readonly zh: Text; readonly en: Text };
}

/** Keeps each definition's id as a literal, so the ids can be derived as a type. */
export function defineRules<const Defs extends readonly RuleDef[]>(defs: Defs): Defs {
  return defs;
}

export type RuleIdOf<Defs extends readonly RuleDef[]> = Defs[number]['id'];

/** A value quoted for a Chinese message: “…”. */
export const q = (v: ParamValue | undefined) => `“${v ?? ''}”`;
/** A value quoted for an English message: "…". */
export const qe = (v: ParamValue | undefined) => `"${v ?? ''}"`;
