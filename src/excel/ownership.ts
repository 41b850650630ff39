/**
 * Tabs Ledger Check writes carry the ownership mark of src/core/summary/ownership.ts (role and a
 * fingerprint of the tab's name and values) in a hidden worksheet-scoped name, as the command
 * line's files do, so either host recognises the other's tabs; a worksheet custom property
 * (ExcelApi 1.12) carries the same mark. A mark proves nothing until the tab's values match it:
 * only proved tabs are ever replaced or deleted.
 */
export const OWNED_NAME = 'LedgerCheck_Owned';
export const OWNED_PROPERTY = 'LedgerCheck.role';
/** Tabs still being built are hidden and named with this prefix, so none looks complete. */
export const BUILDING_PREFIX = '~LC';
/** A tab a failed run left half built: its temporary name (~LC, the run's stamp, its index). */
export const BUILDING_NAME = /^~LC[0-9a-z]+-\d+$/;
/** The role given to such a tab: skipped like ours and deleted by the next write, never read as the log. */
export const BUILDING_ROLE = 'building';

export interface SheetInfo {
  name: string;
  /** The role of a tab proved ours, or null for the user's own sheet. */
  owned: string | null;
}

/** The mark a name's formula holds (`="findings|lc1:…"` → `findings|lc1:…`), or null. */
export function markFromNameFormula(formula: string | null | undefined): string | null {
  if (!formula) return null;
  const m = /^="?([^"]*)"?$/.exec(formula.trim());
  return m ? m[1] : null;
}
