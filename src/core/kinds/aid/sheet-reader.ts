import type { SheetContext } from '../../rules/check';
import { datingYears, redate } from './dating';
import { Household, householdReader } from './household';
import { placeOfSheet } from './place';

/**
 * How one ledger sheet's rows read as households: the place its tab, title or file names, the
 * year of its year-less visit dates. The checks and the summary read each row once through it;
 * the 汇总 reconciliation reads a workbook's rows again only when it has a 汇总 tab.
 */
export function sheetReader(ctx: SheetContext): (row: number, section: string) => Household {
  const table = ctx.table;
  const place = placeOfSheet(ctx.file, ctx.grid, table);
  const years = datingYears(ctx.settings.window, table.titleYear, ctx.refYear);
  // Each column's place and unit looked up once per sheet, not by key on every cell.
  const readAt = householdReader(ctx.grid, table, place, years.year);
  const visitCol = table.columns.visitDate;
  return (row, section) => {
    const h = readAt(row);
    if (years.alt !== null) redate(h, visitCol === undefined ? null : ctx.grid.get(row, visitCol), years);
    h.section = section;
    return h;
  };
}
