import { SimRequestContext } from '../../src/excel-sim/api';
import { SimOptions } from '../../src/excel-sim/context';
import { SimWorkbook } from '../../src/excel-sim/state';
import { checkWorkbook, CheckWorkbookOptions } from '../../src/excel/check-workbook';
import { parseSettings, SettingsInput } from '../../src/core/settings';
import { FULL_SUPPORT } from '../../src/excel/support';
import { CellValue } from '../../src/core/workbook';

export function simBook(sheets: Array<{ name: string; rows: CellValue[][]; merges?: string[] }>): SimWorkbook {
  return SimWorkbook.from(sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === 'object' ? v.error : v))) })));
}

export function context(doc: SimWorkbook, options: SimOptions = {}): { sim: SimRequestContext; ctx: Excel.RequestContext } {
  const sim = new SimRequestContext(doc, options);
  return { sim, ctx: sim as unknown as Excel.RequestContext };
}

export function options(settings: SettingsInput = {}, more: Partial<CheckWorkbookOptions> = {}): CheckWorkbookOptions {
  return {
    settings: parseSettings({ asOf: '2017-07-15', ...settings }),
    support: FULL_SUPPORT,
    fileName: '分解表.xlsx',
    today: '2017-07-15',
    runAt: '2017-07-15 10:00',
    version: 'test',
    ...more,
  };
}

export async function run(doc: SimWorkbook, simOptions: SimOptions = {}, settings: SettingsInput = {}) {
  const { sim, ctx } = context(doc, simOptions);
  const outcome = await checkWorkbook(ctx, options(settings));
  return { outcome, stats: sim.stats };
}

/** Sheet names with their visibility, in order. */
export function tabs(doc: SimWorkbook): string[] {
  return doc.sheets.map((s) => (s.visibility === 'Visible' ? s.name : `(${s.visibility}) ${s.name}`));
}
