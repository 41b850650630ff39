import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CellValue } from '../../src/core/workbook';
import { responsibilityRows } from './grid';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export async function xlsxFrom(sheets: Array<{ name: string; rows: CellValue[][]; merges?: string[] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[]));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>分值</c:v></c:tx><c:cat><c:strRef><c:f>\'图表\'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>\'图表\'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

const DRAWING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';

/**
 * The sample responsibility table with what a user's workbook carries and an exceljs round
 * trip would lose or rewrite: a chart (on its own tab), a comment, data validation, an image.
 */
export async function richWorkbook(extraSheets: Array<{ name: string; rows: CellValue[][] }> = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  responsibilityRows().forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[]));
  ws.getCell('F3').note = '请核实责任人';
  (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add('H3:H100', { type: 'list', allowBlank: true, formulae: ['"已完成,推进中,未启动"'] });
  const img = wb.addImage({ buffer: PNG as never, extension: 'png' });
  ws.addImage(img, 'L2:M4');
  const chartSheet = wb.addWorksheet('图表');
  chartSheet.getRow(1).values = ['单位', '分值'];
  chartSheet.getRow(2).values = ['宣传科', 40];
  chartSheet.getRow(3).values = ['医政科', 30];
  chartSheet.getRow(4).values = ['疾控科', 30];
  for (const s of extraSheets) {
    const x = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => (x.getRow(i + 1).values = r.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[]));
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  // exceljs cannot write charts: add one to the second tab by hand.
  zip.file('xl/charts/chart1.xml', CHART_XML);
  zip.file('xl/drawings/drawingLc1.xml', DRAWING_XML);
  zip.file('xl/drawings/_rels/drawingLc1.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>');
  zip.file('xl/worksheets/_rels/sheet2.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawingLc1.xml"/></Relationships>');
  const sheet2 = (await zip.file('xl/worksheets/sheet2.xml')!.async('string')).replace('</worksheet>', '<drawing r:id="rIdChart"/></worksheet>');
  zip.file('xl/worksheets/sheet2.xml', sheet2.includes('xmlns:r=') ? sheet2 : sheet2.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '));
  let ct = await zip.file('[Content_Types].xml')!.async('string');
  ct = ct.replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawingLc1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>');
  zip.file('[Content_Types].xml', ct);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
