import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { rangeAddress } from '../../src/core/address';
import { escapeXml } from '../../src/xlsx/xml';
import { SimRequestContext } from '../../src/excel-sim/api';
import { SimOptions } from '../../src/excel-sim/context';
import { COLS, SimWorkbook } from '../../src/excel-sim/state';
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
