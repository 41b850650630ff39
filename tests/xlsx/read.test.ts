import JSZip from 'jszip';
import { XlsxError } from '../../src/xlsx/errors';
import fc from 'fast-check';
import { isDateFormat, parseSharedStrings, readXlsx } from '../../src/xlsx/read';
import { scanSheet } from '../../src/xlsx/sheet-scan';
import { xlsxFrom } from '../helpers/fixtures';
import ExcelJS from 'exceljs';

const u8 = (b: Buffer) => new Uint8Array(b);

describe('reading .xlsx', () => {
  it('reads values, dates, merged areas and hidden rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getRow(1).values = ['标题'];
    ws.mergeCells('A1:D1');
    ws.getRow(2).values = ['文本', 12.5, true, new Date(Date.UTC(2017, 5, 30))];
    ws.getCell('B3').value = { formula: 'B2*2', result: 25 } as ExcelJS.CellFormulaValue;
    ws.getCell('C3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getRow(4).hidden = true;
    ws.getCell('A4').value = '隐藏行';
    const { workbook } = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    const s = workbook.sheets[0];
    expect(s.name).toBe('表');
    expect(s.merges).toEqual(['A1:D1']);
    expect(s.rows[1]).toEqual(['文本', 12.5, true, new Date(Date.UTC(2017, 5, 30))]);
    expect(s.rows[2][1]).toBe(25); // a formula reads as its cached result
    expect(s.rows[2][2]).toEqual({ error: '#N/A' });
    // A hidden row is read like any other: a hidden 栏次 row is still part of the header.
    expect(s.rows[3][0]).toBe('隐藏行');
  });

  it('joins rich-text runs and leaves out phonetic guides', () => {
    const xml = '<sst><si><r><t>张</t></r><r><t>伟</t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si><si><t xml:space="preserve"> 李敏 </t></si></sst>';
    expect(parseSharedStrings(xml, 'sst')).toEqual(['张伟', ' 李敏 ']);
  });

  it('reads inline strings, rich runs, prefixed tags, entities and rows without r attributes', () => {
    const xml =
      '<worksheet><sheetData><row><c t="inlineStr"><is><t>甲</t></is></c><c><v>2</v></c></row>' +
      '<row r="3"><c r="C3" t="str"><f>A1</f><v>乙</v></c><c r="D3" t="inlineStr"><is><r><t>A&amp;B</t></r><r><t xml:space="preserve"> &lt;c&gt;</t></r><rPh><t>PH</t></rPh></is></c><c r="E3" s="0"/></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    const s = scanSheet(xml, 's', [], new Set(), false);
    expect(s.rows[2][3]).toBe('A&B <c>');
    expect(s.merges).toEqual(['A1:B1']);
    const prefixed = scanSheet('<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>', 's', ['零', '一'], new Set(), false);
    expect(prefixed.rows[1][1]).toBe('一');
    expect(s.rows[0]).toEqual(['甲', 2]);
    expect(s.rows[1]).toEqual([]);
    expect(s.rows[2][2]).toBe('乙');
  });

  it.each([
    ['yyyy"年"m"月"d"日"', true],
    ['yyyy-mm-dd', true],
    ['[$-804]yyyy年m月d日', true],
    ['0.00', false],
    ['"¥"#,##0.00', false],
    ['General', false],
    ['@', false],
  ])('number format %p is a date: %p', (code, expected) => expect(isDateFormat(code)).toBe(expected));

  it('rejects what is not an .xlsx with a one-line reason', async () => {
    await expect(readXlsx(u8(Buffer.from('hello, world')), 'a.txt')).rejects.toMatchObject({ problem: 'not-xlsx' });
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    await expect(readXlsx(u8(cfb), 'locked.xlsx')).rejects.toMatchObject({ problem: 'encrypted' });
    const xls = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    await expect(readXlsx(u8(xls), 'old.xls')).rejects.toMatchObject({ problem: 'xls' });
    const good = await xlsxFrom([{ name: 'a', rows: [['x']] }]);
    await expect(readXlsx(u8(good.subarray(0, good.length >> 1)), 'cut.xlsx')).rejects.toMatchObject({ problem: 'corrupt' });
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(readXlsx(await zip.generateAsync({ type: 'uint8array' }), 'z.xlsx')).rejects.toBeInstanceOf(XlsxError);
  });
});

describe('the sheet reader against exceljs', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }).filter((s) => s.trim() !== '' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s) && s === s.trim()),
    fc.constantFrom('合计', '<&>"\'', '=1+1', '一票否决', 'A&B'),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  it('reads back whatever exceljs wrote, shared strings or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('表');
        rows.forEach((r, i) => (ws.getRow(i + 1).values = r.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[]));
        const { workbook } = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
        const got = workbook.sheets[0].rows;
        rows.forEach((r, i) => r.forEach((v, j) => expect([i, j, got[i]?.[j] ?? null]).toEqual([i, j, v === -0 ? 0 : v])));
      }),
      { numRuns: 60 },
    );
  });
});

describe('a damaged part inside an intact zip', () => {
  it('is reported as a damaged workbook, not a crash', async () => {
    const zip = await JSZip.loadAsync(await xlsxFrom([{ name: 'a', rows: [['x', 1]] }]));
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c><v>1</v></row></sheetData>');
    await expect(readXlsx(await zip.generateAsync({ type: 'uint8array' }), 'bad.xlsx')).rejects.toMatchObject({ problem: 'corrupt' });
  });
});
