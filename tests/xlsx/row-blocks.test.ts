import fc from 'fast-check';
import { SheetInput } from '../../src/core/workbook';
import { joinBlocks, OutOfOrder, RowBlock, SheetScanner } from '../../src/xlsx/sheet-scan';

/**
 * The command line reads big books' sheets on a second thread that has no shared strings: rows
 * come back in blocks, shared-string cells as their index, and are joined where the strings are.
 * Joined, they must be exactly the sheet read in one piece; a sheet whose rows or cells go
 * backwards (never written by Excel, WPS, LibreOffice or openpyxl) is handed back, not guessed.
 */
const STRINGS = ['零', '一', '东村', '张伟'];
const DATE_STYLES = new Set([1]);

function whole(xml: string): SheetInput | string {
  try {
    const s = new SheetScanner('表', 'sheet1.xml', STRINGS, DATE_STYLES, false);
    s.push(new TextEncoder().encode(xml));
    return s.end();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function inBlocks(xml: string, cuts: number[]): SheetInput | string | OutOfOrder {
  const blocks: RowBlock[] = [];
  try {
    const s = new SheetScanner('表', 'sheet1.xml', null, DATE_STYLES, false, { left: Infinity }, { block: (from, rows, shared) => blocks.push({ from, rows, shared }) });
    const bytes = new TextEncoder().encode(xml);
    let at = 0;
    for (const c of [...cuts.map((k) => k % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
      s.push(bytes.subarray(at, c));
      at = c;
    }
    const sheet = s.end();
    // Blocks cross the structured clone to the main thread: what arrives is a copy.
    return { ...sheet, rows: joinBlocks(structuredClone(blocks), STRINGS) };
  } catch (e) {
    return e instanceof OutOfOrder ? e : `error: ${(e as Error).message}`;
  }
}

const value = fc.oneof(
  fc.constantFrom('0', '1', '3', '7', '', 'x', '1.5').map((v) => `t="s"><v>${v}</v>`),
  fc.constantFrom('12', '-3.5', '42745').map((v) => `s="1"><v>${v}</v>`),
  fc.constantFrom('12', '2').map((v) => `><v>${v}</v>`),
  fc.constantFrom('东村', 'A&amp;B', '').map((v) => `t="inlineStr"><is><t>${v}</t></is>`),
  fc.constantFrom('1', '2').map((v) => `t="s"><f>A1</f><v>${v}</v>`),
  fc.constant('t="s"><is><t>2</t></is>'),
  fc.constant('t="s"><v><![CDATA[2]]></v>'),
  fc.constant('t="s" s="1"/>'),
  fc.constant('t="e"><v>#N/A</v>'),
);
const letters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
/** A row: cells at increasing columns (or, sometimes, going back), with or without references. */
const row = fc.tuple(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), value, fc.boolean()), { maxLength: 6 }), fc.integer({ min: 0, max: 30 })).map(([cells, back]) => {
  let col = 0;
  return (r: number) =>
    cells
      .map(([step, v, withRef], i) => {
        col = back === 0 && i === 1 ? 1 : col + step; // now and then a cell left of the one before
        const ref = withRef || i === 1 ? ` r="${letters(col)}${r}"` : '';
        if (!withRef && i !== 1) col = col - step + 1; // no reference: the next column
        return v.endsWith('/>') ? `<c${ref} ${v}` : `<c${ref} ${v}</c>`;
      })
      .join('');
});
/** Rows at increasing numbers with gaps wide enough to fill blocks of 8192, sometimes a row repeated or going back. */
const sheet = fc.array(fc.tuple(fc.integer({ min: 1, max: 3000 }), row, fc.integer({ min: 0, max: 40 }), fc.boolean()), { minLength: 1, maxLength: 12 }).map((rows) => {
  let r = 0;
  const xml = rows
    .map(([gap, cells, back, selfClosing]) => {
      r = back === 0 && r > 1 ? r - 1 : back === 1 ? r : r + gap;
      if (r < 1) r = 1;
      return selfClosing ? `<row r="${r}"/>` : `<row r="${r}">${cells(r)}</row>`;
    })
    .join('');
  return `<worksheet><sheetData>${xml}</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
});

describe('a sheet read in blocks on another thread', () => {
  it('joins to what one reading gives, or is handed back when its rows or cells go backwards', () => {
    let joined = 0;
    let handedBack = 0;
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 5 }), (xml, cuts) => {
        const got = inBlocks(xml, cuts);
        if (got instanceof OutOfOrder) {
          handedBack++;
          return;
        }
        if (typeof got !== 'string') joined++;
        expect(got).toEqual(whole(xml));
      }),
      { numRuns: 200 },
    );
    // Both ways are tried, and most sheets are joined, not handed back.
    expect(handedBack).toBeGreaterThan(10);
    expect(joined).toBeGreaterThan(100);
  });

  it('hands back a sheet whose rows repeat or whose cells go left, and only such a sheet', () => {
    const doc = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    expect(inBlocks(doc('<row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="2"><c r="B2"><v>5</v></c></row>'), [])).toBeInstanceOf(OutOfOrder);
    expect(inBlocks(doc('<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'), [])).toBeInstanceOf(OutOfOrder);
    expect(inBlocks(doc('<row r="1"><c r="B1" t="s"><v>1</v></c><c r="A1"><v>2</v></c></row>'), [])).toBeInstanceOf(OutOfOrder);
    expect(inBlocks(doc('<row r="1"><c r="B1" t="s"><v>1</v></c><c r="B1"><v>2</v></c></row>'), [])).toBeInstanceOf(OutOfOrder);
    // The same sheet in order is joined, shared strings looked up where the table is.
    const ok = inBlocks(doc('<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1"><v>5</v></c></row><row r="9000"><c r="C9000" t="s"><v>3</v></c></row>'), []) as SheetInput;
    expect(ok.rows.length).toBe(9000);
    expect(ok.rows[0]).toEqual(['东村', 5]);
    expect(ok.rows[8999][2]).toBe('张伟');
    expect(ok.rows[4500]).toEqual([]);
  });
});
