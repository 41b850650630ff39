/**
 * Tabs Ledger Check writes carry a tag: a worksheet custom property (ExcelApi 1.12) and, for
 * every Excel and for the command line's files, a hidden worksheet-scoped name whose value is
 * the tab's role. Only tagged tabs are ever replaced or deleted.
 */
export const OWNED_NAME = 'LedgerCheck_Owned';
export const OWNED_PROPERTY = 'LedgerCheck.role';
/** Tabs still being built are hidden and named with this prefix, so none looks complete. */
export const BUILDING_PREFIX = '~LC';

export interface SheetInfo {
  name: string;
  /** The role of a tab we wrote, or null for the user's own sheet. */
  owned: string | null;
}

export function roleFromNameFormula(formula: string | null | undefined): string | null {
  if (!formula) return null;
  const m = /^="?([^"]*)"?$/.exec(formula.trim());
  // The command line's files add a content fingerprint after the role: "findings|lc1:…".
  return m ? m[1].split('|')[0] : null;
}
