import type { SheetContext } from '../../rules/check';
import { datingYears, DatingYears, redate } from './dating';
import { Household, HouseholdReader } from './household';
import { placeOfSheet } from './place';

/**
 * How one ledger sheet's rows read as households: the place its tab, title or file names, the
 * year of its year-less visit dates. The checks and the summary read each row once through it;
 * the 汇总 reconciliation reads a workbook's rows again only when it has a 汇总 tab. A class (its
 * `read` one method for every tab) rather than a closure made per tab, for the reason
 * HouseholdReader gives.
 */
export class SheetReader {
  private readonly ctx: SheetContext;
  private readonly years: DatingYears;
  private readonly reader: HouseholdReader;
  private readonly visitCol: number | undefined;

  constructor(ctx: SheetContext) {
    const table = ctx.table;
    this.ctx = ctx;
    const place = placeOfSheet(ctx.file, ctx.grid, table);
    this.years = datingYears(ctx.settings.window, table.titleYear, ctx.refYear);
    // Each column's place and unit looked up once per sheet, not by key on every cell.
    this.reader = new HouseholdReader(ctx.grid, table, place, this.years.year);
    this.visitCol = table.columns.visitDate;
  }

  read(row: number, section: string): Household {
    const h = this.reader.read(row);
    if (this.years.alt !== null) redate(h, this.visitCol === undefined ? null : this.ctx.grid.get(row, this.visitCol), this.years);
    h.section = section;
    return h;
  }
}

/** The rows of one ledger sheet as households (see SheetReader). */
export function sheetReader(ctx: SheetContext): (row: number, section: string) => Household {
  const reader = new SheetReader(ctx);
  return (row, section) => reader.read(row, section);
}
