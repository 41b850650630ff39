// Apart from helpers.ts: exceljs cannot load under the task pane tests' jsdom, which import those helpers.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rangeAddress } from '../../src/core/address';
import { COLS, SimWorkbook } from '../../src/excel-sim/state';
import { escapeXml } from '../../src/xlsx/xml';

/**
 * The workbook as Excel saves it to .xlsx: values with their number formats (a date format makes
 * a reader see a date), merged areas, hidden tabs, and each tab's worksheet-scoped names as
 * Excel writes them (a constant `="x"` is stored as `"x"`, hidden names with hidden="1").
 */
export async function xlsxFromSim(doc: SimWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of doc.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === 'Visible' ? 'visible' : s.visibility === 'Hidden' ? 'hidden' : 'veryHidden' });
    for (const [k, c] of s.cells) {
      if (c.value === '' && !c.formula) continue;
      const cell = ws.getCell(Math.floor(k / COLS), k % COLS);
      cell.value = c.formula ? { formula: c.formula.replace(/^=/, '') } : c.value;
      if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
    }
    for (const m of s.merges) ws.mergeCells(rangeAddress(m));
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const names = doc.sheets.flatMap((s, i) =>
    [...s.names].map(([name, n]) => `<definedName name="${name}" localSheetId="${i}"${n.visible ? '' : ' hidden="1"'}>${escapeXml(n.formula.replace(/^=/, ''))}</definedName>`),
  );
  if (names.length > 0) {
    let xml = await zip.file('xl/workbook.xml')!.async('string');
    xml = xml.includes('<definedNames>') ? xml.replace('<definedNames>', `<definedNames>${names.join('')}`) : xml.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
    zip.file('xl/workbook.xml', xml);
  }
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
