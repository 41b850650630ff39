/** Office.js cost of one 一键检查 on the strict in-memory Excel: syncs and payload bytes. */
import { SimRequestContext } from '../src/excel-sim/api';
import { SimWorkbook } from '../src/excel-sim/state';
import { checkWorkbook } from '../src/excel/check-workbook';
import { parseSettings } from '../src/core/settings';
import { FULL_SUPPORT } from '../src/excel/support';
import { households, LEDGER_HEADER } from '../scripts/samples/households';

export interface OfficeCost {
  rows: number;
  readSyncs: number;
  writeSyncs: number;
  requestMb: number;
  responseMb: number;
  largestMb: number;
}

/** A realistic ledger: distinct households as the sample generator makes them. */
function aidGrid(n: number): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [LEDGER_HEADER];
  households(7, '371502', ['东村', '西村', '南村'], n).forEach((h, i) =>
    rows.push([i + 1, h.village, h.head, String(h.id), h.members, h.type, Number(h.cash), h.goods, h.total, h.source, 42745 + (i % 10), h.phone]),
  );
  return rows;
}

export async function officeCost(n: number): Promise<OfficeCost> {
  const doc = SimWorkbook.from([{ name: '侯营镇', rows: aidGrid(n) }]);
  const ctx = new SimRequestContext(doc);
  const o = await checkWorkbook(ctx as unknown as Excel.RequestContext, {
    settings: parseSettings({ asOf: '2017-07-15' }),
    support: FULL_SUPPORT,
    fileName: 'bench.xlsx',
    today: '2017-07-15',
    runAt: '2017-07-15 10:00',
    version: 'bench',
  });
  const mb = (b: number) => b / 1024 / 1024;
  const s = ctx.stats;
  return { rows: n, readSyncs: o.syncs.read, writeSyncs: o.syncs.write, requestMb: mb(s.requestBytes), responseMb: mb(s.responseBytes), largestMb: mb(Math.max(s.largestRequest, s.largestResponse)) };
}
