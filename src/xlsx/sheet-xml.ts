import { cellAddress, columnLetter, sheetRef } from '../core/address';
import { tableHeaders } from '../core/summary/ownership';
import { bodyRows, displayWidth, FIRST_DATA_ROW, HEADER_ROW, OutCell, SheetDescription, SUBTITLE_ROW, subtitleHeight, TITLE_ROW } from '../core/summary/sheet';
import { NS_MAIN, NS_RELATIONSHIPS } from './package';
import { OurStyles } from './styles';
import { escapeXml } from './xml';


const LINE_POINTS = 16.5;

/**
 * The height a row needs to show its wrapped text whole. LibreOffice does not grow rows on
 * opening a file, and Excel grows them only once the row is edited, so the file says it.
 * null: one line is enough.
 */
function wrappedHeight(d: SheetDescription, row: OutCell[]): number | null {
  let lines = 1;
  d.columns.forEach((c, i) => {
    const v = row[i];
    if (!c.wrap || typeof v !== 'string' || v.length === 0) return;
    // A Chinese character is about two widths of "0"; the cell keeps about one for padding.
    const room = Math.max(1, c.width - 1);
    const need = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / room)), 0);
    lines = Math.max(lines, need);
  });
  return lines > 1 ? lines * LINE_POINTS : null;
}

/**
 * The header row's height: two lines at least, more when a header wraps further in its column
 * (测评汇总's 对党建工作重视程度·好+较好率 over a narrow count column), so no header is cut.
 */
function headerHeight(d: SheetDescription, headers: string[]): number {
  const lines = Math.max(2, ...headers.map((h, i) => Math.ceil(displayWidth(h) / Math.max(1, d.columns[i].width))));
  return Math.min(lines, 8) * 15;
}

export function tableRange(d: SheetDescription): string {
  return `A${HEADER_ROW}:${columnLetter(d.columns.length)}${HEADER_ROW + bodyRows(d).length}`;
}

/**
 * Strings are written as inline strings, so text that begins with "=" stays text and is
 * never read as a formula; numbers get the column's number format.
 */
function cellXml(ref: string, v: OutCell, style: number): string {
  if (v === null || v === undefined || v === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'boolean') return `<c r="${ref}" s="${style}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

export function sheetXml(d: SheetDescription, styles: OurStyles, tableRelId: string, drawingRelId?: string): string {
  const rows = bodyRows(d);
  const lastCol = columnLetter(d.columns.length);
  const lastRow = HEADER_ROW + rows.length;
  const linkCells = new Set(d.links.map((l) => `${l.row}:${l.col}`));
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}">`);
  out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${lastCol}${lastRow}"/>`);
  out.push(`<sheetViews><sheetView${d.role === 'findings' ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${FIRST_DATA_ROW}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${FIRST_DATA_ROW}" sqref="A${FIRST_DATA_ROW}"/></sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  out.push('<cols>' + d.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width + 1}" customWidth="1"/>`).join('') + '</cols>');
  out.push('<sheetData>');
  out.push(`<row r="${TITLE_ROW}" ht="24" customHeight="1">${cellXml(`A${TITLE_ROW}`, d.title, styles.title)}</row>`);
  // The subtitle spans the table and wraps, so a long file name shows whole.
  out.push(`<row r="${SUBTITLE_ROW}" ht="${subtitleHeight(d)}" customHeight="1">${cellXml(`A${SUBTITLE_ROW}`, d.subtitle, styles.subtitle)}</row>`);
  const headers = tableHeaders(d);
  out.push(`<row r="${HEADER_ROW}" ht="${headerHeight(d, headers)}" customHeight="1">` + headers.map((h, i) => cellXml(cellAddress(HEADER_ROW, i + 1), h, styles.header)).join('') + '</row>');
  rows.forEach((r, ri) => {
    const excelRow = FIRST_DATA_ROW + ri;
    const tone = d.rowTones?.[ri];
    const set = tone ? styles.tone[tone] : styles;
    let cells = '';
    for (let ci = 0; ci < d.columns.length; ci++) {
      const style = linkCells.has(`${ri}:${ci}`) ? set.link : set.body[d.columns[ci].format ?? 'text'];
      cells += cellXml(cellAddress(excelRow, ci + 1), r[ci] ?? null, style);
    }
    const ht = wrappedHeight(d, r);
    out.push(ht ? `<row r="${excelRow}" ht="${ht}" customHeight="1">${cells}</row>` : `<row r="${excelRow}">${cells}</row>`);
  });
  out.push('</sheetData>');
  if (d.columns.length > 1) out.push(`<mergeCells count="1"><mergeCell ref="A${SUBTITLE_ROW}:${lastCol}${SUBTITLE_ROW}"/></mergeCells>`);
  if (d.links.length > 0) {
    out.push('<hyperlinks>');
    let external = 0;
    for (const l of d.links) {
      const ref = cellAddress(FIRST_DATA_ROW + l.row, l.col + 1);
      // A cell in another workbook: the file is a relationship, the cell its location.
      const target = l.file !== undefined ? ` r:id="${externalLinkId(++external)}"` : '';
      out.push(`<hyperlink ref="${ref}"${target} location="${escapeXml(sheetRef(l.sheet, l.cell))}" display="${escapeXml(String(rows[l.row]?.[l.col] ?? l.cell))}"/>`);
    }
    out.push('</hyperlinks>');
  }
  out.push('<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  // SpreadsheetML paper sizes: 9 is A4, 8 is A3.
  out.push(`<pageSetup paperSize="${d.paper === 'A3' ? 8 : 9}" orientation="${d.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`);
  out.push(`<headerFooter><oddFooter>${escapeXml('&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>`);
  if (drawingRelId) out.push(`<drawing r:id="${drawingRelId}"/>`);
  out.push(`<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts>`);
  out.push('</worksheet>');
  return out.join('');
}

const externalLinkId = (n: number) => `rIdLcLink${n}`;

/** The sheet's relationships to the other workbooks its links open, in the ids sheetXml uses. */
export function externalLinkRels(d: SheetDescription): Array<{ id: string; target: string }> {
  return d.links.filter((l) => l.file !== undefined).map((l, i) => ({ id: externalLinkId(i + 1), target: hrefOf(l.file!) }));
}

/** A relative path as a URI reference: characters that would end or break it are escaped; CJK stays as typed (an IRI). */
export function hrefOf(path: string): string {
  return path.replace(/[%#?\s"<>\\^`{|}\u0000-\u001f]/g, (c) => encodeURIComponent(c));
}

export function tableXml(d: SheetDescription, id: number, name: string): string {
  const ref = tableRange(d);
  const cols = tableHeaders(d)
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${d.columns.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
