import { SaxesTagPlain } from 'saxes';
import { columnNumber } from '../core/address';
import { dayFromExcelSerial } from '../core/read/date';
import { CellValue, SheetInput, WorkbookInput } from '../core/workbook';
import { XlsxError } from './errors';
import { openPackage, readPart, XlsxPackage } from './package';
import { local, parseXml } from './xml';

export interface ReadOptions {
  /** Called after each sheet, for a progress line on long files. */
  onSheet?: (sheet: string, rows: number) => void;
}

export interface ReadResult {
  workbook: WorkbookInput;
  pkg: XlsxPackage;
}

/** Reads every sheet's values, merged areas and hidden rows from an .xlsx file's bytes. */
export async function readXlsx(data: Uint8Array, name: string, options: ReadOptions = {}): Promise<ReadResult> {
  const pkg = await openPackage(data);
  try {
    const strings = pkg.sharedStringsPart ? parseSharedStrings((await readPart(pkg.zip, pkg.sharedStringsPart)) ?? '', pkg.sharedStringsPart) : [];
    const dateStyles = pkg.stylesPart ? parseDateStyles((await readPart(pkg.zip, pkg.stylesPart)) ?? '', pkg.stylesPart) : new Set<number>();
    const sheets: SheetInput[] = [];
    for (const entry of pkg.sheets) {
      const xml = entry.part ? await readPart(pkg.zip, entry.part) : null;
      const sheet = xml ? parseSheet(xml, entry.part, entry.name, strings, dateStyles, pkg.date1904) : { name: entry.name, rows: [] };
      if (entry.owned) sheet.owned = true;
      sheets.push(sheet);
      options.onSheet?.(entry.name, sheet.rows.length);
    }
    return { workbook: { name, sheets }, pkg };
  } catch (e) {
    // A damaged part inside an intact zip: say so in one line rather than crash.
    throw new XlsxError('corrupt', `文件内容已损坏 / the workbook is damaged (${(e as Error).message})`);
  }
}

/** Shared strings, rich text runs joined; phonetic guides (rPh) left out as Excel shows them. */
export function parseSharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  parseXml(
    xml,
    {
      open(t) {
        const n = local(t.name);
        if (n === 'si') current = '';
        else if (n === 'rPh') inPhonetic++;
        else if (n === 't' && inPhonetic === 0) inT = true;
      },
      text(x) {
        if (inT) current += x;
      },
      close(name) {
        const n = local(name);
        if (n === 't') inT = false;
        else if (n === 'rPh') inPhonetic--;
        else if (n === 'si') out.push(current);
      },
    },
    part,
  );
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[ymdhs年月日]/i.test(s) && !/^general$/i.test(s);
}

/** Indexes of the cell formats (cellXfs) that show numbers as dates. */
export function parseDateStyles(xml: string, part: string): Set<number> {
  const custom = new Map<number, string>();
  const result = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  parseXml(
    xml,
    {
      open(t) {
        const a = t.attributes as Record<string, string>;
        const n = local(t.name);
        if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (n === 'cellXfs') inCellXfs = true;
        else if (n === 'xf' && inCellXfs) {
          const id = Number(a.numFmtId ?? 0);
          const code = custom.get(id);
          if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) result.add(index);
          index++;
        }
      },
      close(name) {
        if (local(name) === 'cellXfs') inCellXfs = false;
      },
    },
    part,
  );
  return result;
}

const MS_PER_DAY = 86_400_000;

/** One pass over a worksheet part: values, merged areas, hidden rows. */
export function parseSheet(xml: string, part: string, name: string, strings: string[], dateStyles: Set<number>, date1904: boolean): SheetInput {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  let rowIndex = 0;
  let row: CellValue[] | null = null;
  let colIndex = 0;
  let type = '';
  let style = 0;
  let text = '';
  let collecting = false;
  let hasValue = false;

  const finishCell = () => {
    if (!row || !hasValue) return;
    let v: CellValue;
    switch (type) {
      case 's':
        v = strings[Number(text)] ?? '';
        break;
      case 'inlineStr':
      case 'str':
        v = text;
        break;
      case 'b':
        v = text === '1' || text === 'true';
        break;
      case 'e':
        v = { error: text };
        break;
      case 'd': {
        const t = Date.parse(text);
        v = isNaN(t) ? text : new Date(t);
        break;
      }
      default: {
        const n = Number(text);
        if (text === '' || !Number.isFinite(n)) v = text === '' ? null : text;
        else if (dateStyles.has(style)) {
          const day = dayFromExcelSerial(n, date1904);
          v = day === null ? n : new Date(day * MS_PER_DAY + Math.round((n - Math.floor(n)) * MS_PER_DAY));
        } else v = n;
      }
    }
    row[colIndex] = v;
  };

  parseXml(
    xml,
    {
      open(t: SaxesTagPlain) {
        const a = t.attributes as Record<string, string>;
        switch (local(t.name)) {
          case 'row': {
            rowIndex = a.r ? Number(a.r) : rowIndex + 1;
            row = [];
            rows[rowIndex - 1] = row;
            colIndex = -1;
            if (a.hidden === '1' || a.hidden === 'true') hiddenRows.push(rowIndex);
            break;
          }
          case 'c': {
            colIndex = a.r ? columnNumber(a.r.replace(/\d+$/, '')) - 1 : colIndex + 1;
            type = a.t ?? 'n';
            style = a.s ? Number(a.s) : 0;
            text = '';
            hasValue = false;
            break;
          }
          case 'v':
            collecting = true;
            hasValue = true;
            break;
          case 't':
            if (type === 'inlineStr') {
              collecting = true;
              hasValue = true;
            }
            break;
          case 'rPh':
            collecting = false;
            break;
          case 'mergeCell':
            if (a.ref) merges.push(a.ref);
            break;
        }
      },
      text(x) {
        if (collecting) text += x;
      },
      close(tag) {
        switch (local(tag)) {
          case 'v':
          case 't':
            collecting = false;
            break;
          case 'c':
            finishCell();
            break;
          case 'row':
            row = null;
            break;
        }
      },
    },
    part,
  );
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const sheet: SheetInput = { name, rows, merges };
  if (hiddenRows.length) sheet.hiddenRows = hiddenRows;
  return sheet;
}

