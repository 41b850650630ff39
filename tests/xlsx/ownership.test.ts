import fc from 'fast-check';
import { fingerprint, ownershipMark, provedRole, tabCells } from '../../src/core/summary/ownership';
import { NumberFormatKey, OutCell, SheetDescription } from '../../src/core/summary/sheet';
import { openPackage } from '../../src/xlsx/package';
import { readXlsx } from '../../src/xlsx/read';
import { newWorkbookWithTabs } from '../../src/xlsx/write';

/**
 * The add-in cannot read a file: it predicts the values Excel will hold from the tab's description
 * (tabCells). The command line fingerprints what its file holds. The two must agree for any tab,
 * or a tab one host wrote would be the user's sheet to the other.
 */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=1+1', '第一行\r\n第二行', '控制\u0001字符', ' 前后空格 ', '371502195603150014', '（无）'),
);
const cell: fc.Arbitrary<OutCell> = fc.oneof(
  text,
  fc.double({ noNaN: false }),
  fc.integer({ min: 40_000, max: 50_000 }),
  fc.boolean(),
  fc.constant(null),
);
const FORMATS: NumberFormatKey[] = ['text', 'integer', 'number', 'percent', 'yuan', 'wanyuan', 'date'];

const description: fc.Arbitrary<SheetDescription> = fc
  .array(fc.record({ header: fc.oneof(text, fc.constantFrom('姓名', '姓名', '')), format: fc.constantFrom(...FORMATS) }), { minLength: 1, maxLength: 5 })
  .chain((columns) =>
    fc.record({
      title: text,
      subtitle: text,
      // A date column holds whole days Excel can show (serials 1 .. 9999-12-31), as our tabs write them.
      rows: fc.array(fc.tuple(...columns.map((c) => (c.format === 'date' ? fc.oneof(fc.integer({ min: 1, max: 2_958_465 }), text, fc.constant(null)) : cell))), { maxLength: 6 }),
    }).map(({ title, subtitle, rows }) => ({
      role: 'findings',
      name: '检查结果',
      title,
      subtitle,
      columns: columns.map((c) => ({ ...c, width: 10 })),
      rows,
      links: [],
      landscape: false,
      tableName: 'LC_Findings',
    })),
  );

describe('the ownership mark, the same on every host', () => {
  it("the add-in's mark from the description is the one the command line writes and proves", async () => {
    await fc.assert(
      fc.asyncProperty(description, async (d) => {
        const { bytes } = await newWorkbookWithTabs([d]);
        const raw = (await openPackage(bytes)).sheets.find((s) => s.name === '检查结果')!;
        expect(raw.owned).toBe(ownershipMark('findings', tabCells(d, '检查结果')));
        const read = await readXlsx(bytes, 'x.xlsx');
        expect(read.workbook.sheets.find((s) => s.name === '检查结果')!.owned).toBe('findings');
      }),
      { numRuns: 40 },
    );
  });

  it('counts a date read from a file as the serial number Excel gives the add-in (1900 and 1904 calendars)', () => {
    const day = new Date(Date.UTC(2017, 6, 15));
    const asSerial = { name: '约谈名单', rows: [[42931]] };
    expect(fingerprint({ name: '约谈名单', rows: [[day]] })).toBe(fingerprint(asSerial));
    expect(fingerprint({ name: '约谈名单', rows: [[day]] }, true)).toBe(fingerprint({ name: '约谈名单', rows: [[42931 - 1462]] }));
  });

  it('proves nothing for another name, another value, a moved value or a bare role', () => {
    const tab = { name: '约谈名单', rows: [['约谈名单'], [null], ['姓名'], ['孙长山']] };
    const mark = ownershipMark('interviews', tab);
    expect(provedRole(mark, tab)).toBe('interviews');
    expect(provedRole(mark, { ...tab, name: '约谈名单 (2)' })).toBeNull();
    expect(provedRole(mark, { ...tab, rows: [['约谈名单'], [null], ['姓名'], ['郑宝山']] })).toBeNull();
    expect(provedRole(mark, { ...tab, origin: { row: 2, col: 1 } })).toBeNull();
    expect(provedRole('interviews', tab)).toBeNull();
  });
});
