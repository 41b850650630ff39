/**
 * Issue 13: a sheet of more rows than the old one-string reader could take (~626,000) is read,
 * every row, streaming. Rows are kept small so this fits CI; the bench reads a 1,048,576-row
 * ledger whose sheet XML (0.6 GB) passes V8's string cap.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { readXlsx } from '../../src/xlsx/read';
import { nodeInflater } from '../../src/cli/node-inflate';
import { bookParts, zipParts } from '../hostile/packages';

const ROWS = 700_000;

/** The sheet part deflated in independent flushed blocks, so no whole-sheet string is ever made here either. */
function bigSheetPart(): { body: Buffer; size: number; crc: number } {
  const blocks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const emit = (text: string, last: boolean) => {
    const raw = Buffer.from(text);
    size += raw.length;
    crc = crc32(raw, crc);
    blocks.push(deflateRawSync(raw, { level: 1, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  };
  emit('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', false);
  let out = '';
  for (let r = 1; r <= ROWS; r++) {
    out += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>户${r % 1000}</t></is></c></row>`;
    if (out.length > 1 << 20) {
      emit(out, false);
      out = '';
    }
  }
  emit(out + '</sheetData></worksheet>', true);
  return { body: Buffer.concat(blocks), size, crc };
}

describe('a sheet of 700,000 rows', () => {
  it('is read whole, every row in place', async () => {
    const part = bigSheetPart();
    const bytes = zipParts(bookParts({ sheets: [{ name: '大表', xml: '' }], edit: (ps) => ps.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, deflated: part } : p)) }));
    const { workbook } = await readXlsx(bytes, 'big.xlsx', { inflater: nodeInflater });
    const rows = workbook.sheets[0].rows;
    expect(rows).toHaveLength(ROWS);
    let sum = 0;
    for (const r of rows) sum += r[0] as number;
    expect(sum).toBe((ROWS * (ROWS + 1)) / 2);
    expect(rows[ROWS - 1]).toEqual([ROWS, `户${ROWS % 1000}`]);
    expect(rows[626_000]).toEqual([626_001, '户1']);
  });
});
