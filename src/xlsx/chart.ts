import { cellAddress, columnLetter } from '../core/address';
import { bodyRows, chartHeightRows, ChartSpec, chartWidthCols, chartSeries, FIRST_DATA_ROW, seriesName, SheetDescription } from '../core/summary/sheet';
import { escapeXml } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

function ref(sheet: string, col: number, from: number, to: number): string {
  const c = columnLetter(col + 1);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${FIRST_DATA_ROW + from}:$${c}$${FIRST_DATA_ROW + to}`;
}

const SER_BLUE = '305496';

/**
 * A chart whose series point at the tab's own cells, with cached values: a clustered column chart
 * of one column, or a stacked horizontal bar per row (first row on top) with one series per column.
 */
export function chartXml(d: SheetDescription, spec: ChartSpec, sheetName: string): string {
  const rows = bodyRows(d).slice(spec.fromRow, spec.toRow + 1);
  const n = rows.length;
  const stacked = spec.type === 'stacked-bar';
  const cats = rows.map((r, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(r[spec.categoryCol] ?? ''))}</c:v></c:pt>`).join('');
  const catRef = `<c:cat><c:strRef><c:f>${escapeXml(ref(sheetName, spec.categoryCol, spec.fromRow, spec.toRow))}</c:f><c:strCache><c:ptCount val="${n}"/>${cats}</c:strCache></c:strRef></c:cat>`;
  const series = chartSeries(spec)
    .map((col, k) => {
      const vals = rows.map((r, i) => `<c:pt idx="${i}"><c:v>${Number(r[col] ?? 0)}</c:v></c:pt>`).join('');
      const color = stacked ? (spec.colors[k] ?? SER_BLUE) : SER_BLUE;
      // A stacked bar's small parts would carry unreadable labels; its legend names the colours.
      const labels = stacked ? '' : `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${escapeXml(seriesName(d, spec, col))}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}${catRef}` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(sheetName, col, spec.fromRow, spec.toRow))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${vals}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  // Bars: categories read top-down (the first row, rank 1, on top), the value axis at the bottom.
  const catAx = `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="${stacked ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${stacked ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="102"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${stacked ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="101"/><c:crosses val="${stacked ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = stacked ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:lang val="zh-CN"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${stacked ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="${stacked ? 50 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="101"/><c:axId val="102"/></c:barChart>${catAx}${valAx}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup paperSize="9"/></c:printSettings></c:chartSpace>`
  );
}

/** The drawing that places the chart below the table. */
export function drawingXml(d: SheetDescription, chartRelId: string): string {
  const top = FIRST_DATA_ROW + bodyRows(d).length + 1; // 0-based row index of the row after a gap
  const anchor = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor>` +
    `<xdr:from>${anchor(0, top)}</xdr:from><xdr:to>${anchor(d.chart ? chartWidthCols(d, d.chart) : Math.min(d.columns.length, 9), top + (d.chart ? chartHeightRows(d.chart) : 20))}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(cellAddress(top + 1, 1))} Chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
