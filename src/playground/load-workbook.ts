import { dayFromDate, excelSerialFromDay } from '../core/read/date';
import { isCellError, WorkbookInput } from '../core/workbook';
import { SimWorkbook, key } from '../excel-sim/state';
import { parseRange } from '../core/address';
import { readXlsx } from '../xlsx/read';
import { openPackage } from '../xlsx/package';
import { OWNED_NAME } from '../excel/ownership';
import { households, LEDGER_HEADER } from '../../scripts/samples/households';

const MS_PER_DAY = 86_400_000;

/** A workbook as Excel would hold it: dates become serial numbers with a date format, errors their text. */
export function simFromInput(input: WorkbookInput): SimWorkbook {
  const doc = new SimWorkbook();
  for (const s of input.sheets) {
    const sheet = doc.addSheet(s.name);
    const top = s.origin?.row ?? 1;
    const left = s.origin?.col ?? 1;
    s.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        const k = key(top + i, left + j);
        if (v instanceof Date) {
          const day = dayFromDate(v);
          if (day === null) return;
          const fraction = (v.getTime() % MS_PER_DAY) / MS_PER_DAY;
          sheet.cells.set(k, { value: excelSerialFromDay(day) + (fraction > 0 ? fraction : 0), numberFormat: 'yyyy-mm-dd' });
        } else if (isCellError(v)) sheet.cells.set(k, { value: v.error });
        else sheet.cells.set(k, { value: v });
      }),
    );
    for (const m of s.merges ?? []) {
      const r = parseRange(m);
      if (r) sheet.merges.push(r);
    }
  }
  return doc;
}

/**
 * A file as Excel opens it: the values, hidden tabs, and each tab's hidden ownership name as the
 * file holds it (unproved: the add-in proves it against the values, as it must in Excel).
 */
export async function simFromXlsx(bytes: ArrayBuffer, name: string): Promise<SimWorkbook> {
  const data = new Uint8Array(bytes);
  const [{ workbook }, raw] = await Promise.all([readXlsx(data, name), openPackage(data)]);
  const doc = simFromInput(workbook);
  raw.sheets.forEach((entry, i) => {
    const sheet = doc.sheets[i];
    if (!sheet || sheet.name !== entry.name) return;
    if (entry.state === 'hidden') sheet.visibility = 'Hidden';
    else if (entry.state === 'veryHidden') sheet.visibility = 'VeryHidden';
    if (entry.owned) sheet.names.set(OWNED_NAME, { formula: `="${entry.owned}"`, visible: false });
  });
  return doc;
}

/** A county ledger of `n` households on one tab, for trying the progress bar on big work. */
export function bigAidWorkbook(n: number): SimWorkbook {
  const doc = new SimWorkbook();
  const sheet = doc.addSheet('基准镇');
  sheet.cells.set(key(1, 1), { value: '基准县基准镇计生困难家庭帮扶救助台账' });
  LEDGER_HEADER.forEach((h, j) => sheet.cells.set(key(2, j + 1), { value: h }));
  households(42, '371502', ['东村', '西村', '南村', '北村'], n).forEach((h, i) => {
    const day = 9 + (i % 14);
    const row = [i + 1, h.village, h.head, String(h.id), h.members, h.type, Number(h.cash), h.goods, h.total, h.source, `2017.1.${day}`, h.phone];
    row.forEach((v, j) => sheet.cells.set(key(i + 3, j + 1), { value: v }));
  });
  return doc;
}
