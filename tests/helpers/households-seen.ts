import { runKinds } from '../../src/core/engine';
import { AidResult, aidKind } from '../../src/core/kinds/aid';
import { Summariser } from '../../src/core/kind';
import { RowView, SheetContext } from '../../src/core/rules/check';
import { Household } from '../../src/core/kinds/aid/household';
import { KINDS } from '../../src/core/kinds/registry';
import { LedgerResult } from '../../src/core/pipeline';
import { Settings } from '../../src/core/settings';
import { WorkbookInput } from '../../src/core/workbook';

export interface SeenHousehold {
  file: string;
  sheet: string;
  household: Household;
}

/**
 * The check over every kind, and the households the aid kind's summary was handed, in order: the
 * result keeps none (a million rows would cost a million objects), so tests watch them go by.
 */
export function checkSeeingHouseholds(books: WorkbookInput[], settings: Settings): { result: LedgerResult; households: SeenHousehold[] } {
  const households: SeenHousehold[] = [];
  const watched: typeof aidKind = {
    ...aidKind,
    summariser(s: Settings): Summariser<Household, AidResult> {
      const inner = aidKind.summariser(s);
      return {
        ...inner,
        row(household: Household, view: RowView, ctx: SheetContext) {
          households.push({ file: ctx.file, sheet: ctx.table.sheet, household });
          inner.row(household, view, ctx);
        },
      };
    },
  };
  const kinds = KINDS.map((k) => (k.id === 'aid' ? watched : k));
  const result = runKinds(kinds, books, settings, { today: settings.asOf ?? '2017-07-15' }) as unknown as LedgerResult;
  return { result, households };
}
