import { syncWithin } from './sync';

/** Shows a finding's cell: activates its sheet and selects the cell. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string, timeoutMs?: number): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await syncWithin(context, timeoutMs);
}
