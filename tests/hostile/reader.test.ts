/**
 * Issue 9, the reader: damaged sheets are never read as empty, Strict OOXML and every legal XML
 * form read right, coordinates and sizes bounded. Every package is built here, at run time.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { cli } from '../helpers/cli';
import { aidRows } from '../helpers/grid';
import { readXlsx } from '../../src/xlsx/read';
import { nodeInflater } from '../../src/cli/node-inflate';
import { changedSince, expectBounded, expectOneLineReason, runCli, snapshot, tempDir } from './harness';
import { book, bookParts, Part, sheetXml, sstXml, twoTownships, zipParts } from './packages';

const WINDOW = ['--window', '2017-01-09..2017-01-22', '--as-of', '2017-07-15'];
const TOTAL = { households: 4, persons: 11, cash: 2900, goods: 500, amount: 3400 };

function save(bytes: Buffer, name = 'in.xlsx') {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { dir, path, snap: snapshot([path]) };
}

/** Runs the check in-process; returns the run and the JSON report when there is one. */
async function check(bytes: Buffer) {
  const f = save(bytes);
  const json = join(f.dir, 'r.json');
  const r = await cli('check', f.path, ...WINDOW, '--json', json);
  expect(changedSince(f.snap)).toEqual([]);
  const report = r.code === 2 ? null : JSON.parse(readFileSync(json, 'utf8'));
  return { ...r, report };
}

const replace = (name: string, data: Part['data']) => (parts: Part[]) => parts.map((p) => (p.name === name ? { ...p, data } : p));

describe('a sheet that cannot be read is never an empty sheet (issue 9.5)', () => {
  it('the intact package is ready to submit, with every household counted', async () => {
    const r = await check(book(twoTownships()));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/可以提交/);
    expect(r.report.aid.total).toMatchObject(TOTAL);
  });

  const cases: Array<[string, (parts: Part[]) => Part[], RegExp]> = [
    ['its part is missing', (parts) => parts.filter((p) => p.name !== 'xl/worksheets/sheet2.xml'), /工作表「乙」无法读取：文件里没有它的部件 xl\/worksheets\/sheet2\.xml/],
    ['its relationship is missing', replace('xl/workbook.xml', bookParts(twoTownships())[2].data.toString().replace('r:id="rId2"', 'r:id="rId99"')), /工作表「乙」无法读取：工作簿里没有它指向的关系 rId99/],
    ['its relationship points outside the file', replace('xl/_rels/workbook.xml.rels', bookParts(twoTownships())[3].data.toString().replace('Target="worksheets/sheet2.xml"', 'Target="file:///etc/passwd" TargetMode="External"')), /工作表「乙」无法读取：它指向文件外部/],
    ['its part is not XML', replace('xl/worksheets/sheet2.xml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe])), /工作表「乙」无法读取：内容已损坏/],
    ['its part is cut short', replace('xl/worksheets/sheet2.xml', sheetXml(aidRows()).slice(0, 700)), /工作表「乙」无法读取：内容已损坏.*ends/],
    ['its part is another kind of XML', replace('xl/worksheets/sheet2.xml', '<?xml version="1.0"?><html><body>台账</body></html>'), /工作表「乙」无法读取：内容已损坏.*not <worksheet>/],
    ['its part has no sheetData', replace('xl/worksheets/sheet2.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'), /工作表「乙」无法读取：内容已损坏.*sheetData/],
  ];
  it.each(cases)('exit 2 naming the sheet when %s', async (_name, edit, reason) => {
    const r = await check(book({ ...twoTownships(), edit }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(r.stdout).not.toMatch(/可以提交/);
  });

  it('a missing shared-strings part is exit 2, not a sheet of blanks', async () => {
    const b = twoTownships({ shared: true });
    const r = await check(book({ ...b, edit: (parts) => parts.filter((p) => p.name !== 'xl/sharedStrings.xml') }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/共享字符串部件 xl\/sharedStrings\.xml/);
  });

  it('a chart sheet is a sheet without cells, not a damaged one', async () => {
    const b = twoTownships();
    const edit = (parts: Part[]) => {
      const wb = parts[2].data.toString().replace('</sheets>', '<sheet name="图" sheetId="9" r:id="rId9"/></sheets>');
      const rels = parts[3].data.toString().replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>');
      return [...replace('xl/workbook.xml', wb)(replace('xl/_rels/workbook.xml.rels', rels)(parts)), { name: 'xl/chartsheets/sheet1.xml', data: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' }];
    };
    const r = await check(book({ ...b, edit }));
    expect(r.code).toBe(0);
    expect(r.report.aid.total).toMatchObject(TOTAL);
  });
});

describe('Strict OOXML (issue 9.6)', () => {
  it('reads shared strings, sheets and dates of a Strict package', async () => {
    const r = await check(book(twoTownships({ strict: true, shared: true })));
    expect(r.code).toBe(0);
    expect(r.report.aid.total).toMatchObject(TOTAL);
    const { workbook } = await readXlsx(book(twoTownships({ strict: true, shared: true })), 's.xlsx');
    expect(workbook.sheets[0].rows[2].slice(0, 5)).toEqual([1, '侯营镇', '侯营村', '王秀英', '11010519491231002X']);
    expect(workbook.sheets[0].rows[2][11]).toEqual(new Date(Date.UTC(2017, 0, 10)));
  });

  it('reads ISO 8601 date cells (t="d") as the calendar day they name', async () => {
    const xml = sheetXml([['走访日期'], [new Date(Date.UTC(2017, 0, 10))]], { cell: (x) => x.replace(/ s="1"><v>[^<]+<\/v>/, ' t="d"><v>2017-01-10T00:00:00</v>') });
    const { workbook } = await readXlsx(book({ sheets: [{ name: 'd', xml }], strict: true }), 'd.xlsx');
    expect(workbook.sheets[0].rows[1][0]).toEqual(new Date(Date.UTC(2017, 0, 10)));
  });
});

describe('legal XML, read as a conformant parser would (issue 9.7)', () => {
  const inline = (wrap: (s: string) => string) => (x: string) => x.replace(/<t>([^<]*)<\/t>/, (_m, s: string) => `<t>${wrap(s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))}</t>`);
  const forms: Array<[string, () => Buffer]> = [
    ['CDATA in shared strings', () => {
      const strings: string[] = [];
      const sheets = twoTownships().sheets.map((s, i) => ({ name: s.name, xml: sheetXml(i === 0 ? aidRows() : twoTownshipsRows(), { strings }) }));
      return book({ sheets, sst: sstXml(strings, undefined, (s) => `<![CDATA[${s}]]>`) });
    }],
    ['CDATA in inline strings', () => book({ sheets: [{ name: '甲', xml: sheetXml(aidRows(), { cell: inline((s) => `<![CDATA[${s}]]>`) }) }, { name: '乙', xml: sheetXml(twoTownshipsRows()) }] })],
    ['numeric and character entities', () => book({ sheets: [{ name: '甲', xml: sheetXml(aidRows(), { cell: inline((s) => [...s].map((c, k) => (k % 2 ? `&#${c.codePointAt(0)};` : `&#x${c.codePointAt(0)!.toString(16)};`)).join('')) }) }, { name: '乙', xml: sheetXml(twoTownshipsRows()) }] })],
    ['single-quoted attributes and spaces around =', () => book({ sheets: [{ name: '甲', xml: sheetXml(aidRows(), { cell: (x) => x.replace(/(\w+)="([^"]*)"/g, "$1 = '$2'") }).replace('<row r="1">', "<row r = '1' >") }, { name: '乙', xml: sheetXml(twoTownshipsRows()) }] })],
    ['UTF-16 parts with a byte-order mark', () => {
      const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
      const strings: string[] = [];
      const sheets = [{ name: '甲', xml: sheetXml(aidRows(), { strings }) }, { name: '乙', xml: sheetXml(twoTownshipsRows(), { strings }) }];
      return book({ sheets, sst: sstXml(strings), edit: (parts) => parts.map((p) => (p.name.endsWith('.xml') && p.name !== '[Content_Types].xml' ? { ...p, data: utf16(p.data.toString()) } : p)) });
    }],
    ['comments, processing instructions and CRLF line ends', () => book({ sheets: [{ name: '甲', xml: sheetXml(aidRows()).replace('<sheetData>', '<!-- 导出 --><sheetData>').replace(/<\/row>/g, '</row>\r\n<?pi x?>') }, { name: '乙', xml: sheetXml(twoTownshipsRows()) }] })],
  ];
  it.each(forms)('%s: every household read, ready to submit', async (_name, make) => {
    const r = await check(make());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report.aid.total).toMatchObject(TOTAL);
    expect(r.report.findings.filter((f: { rule: string }) => f.rule === 'required.missing')).toEqual([]);
  });

  it('the same values whichever way they are written', async () => {
    const plain = (await readXlsx(book(twoTownships()), 'a')).workbook.sheets;
    for (const [, make] of forms) expect((await readXlsx(make(), 'b', { inflater: nodeInflater })).workbook.sheets.map((s) => s.rows)).toEqual(plain.map((s) => s.rows));
  });

  it('an undefined entity or a DTD is a damaged part, with a reason', async () => {
    const ent = await check(book({ sheets: [{ name: '甲', xml: sheetXml(aidRows()).replace('王秀英', '&wang;') }] }));
    expect(ent.code).toBe(2);
    expect(ent.stderr).toMatch(/工作表「甲」无法读取.*undefined entity &wang;/);
    const dtd = await check(book({ sheets: [{ name: '甲', xml: sheetXml(aidRows()).replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "b">]><worksheet') }] }));
    expect(dtd.code).toBe(2);
    expect(dtd.stderr).toMatch(/DTD/);
  });
});

function twoTownshipsRows() {
  return aidRows((rows) => {
    rows[0] = ['阳谷县2017年春节走访慰问计生困难家庭台账'];
    rows.splice(3);
    rows[2] = [1, '阿城镇', '阿城村', '赵桂兰', '372522195001010029', 2, '失独', 600, 0, 600, '政府投入', new Date(Date.UTC(2017, 0, 12)), '13700001111'];
  });
}

describe('bounded work on hostile input (issue 9.12, 9.13), in a child process', () => {
  it('a stray value 130,000 rows below a table without a footer', async () => {
    const xml = sheetXml(aidRows()).replace('</sheetData>', '<row r="130010"><c r="A130010" t="inlineStr"><is><t>备注</t></is></c></row></sheetData>');
    const f = save(book({ sheets: [{ name: '甲', xml }] }));
    const r = await runCli(['check', f.path, ...WINDOW]);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(changedSince(f.snap)).toEqual([]);
  });

  const coords: Array<[string, string, RegExp]> = [
    ['a row past 1,048,576', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>', /工作表「甲」无法读取.*1048577.*1\.\.1048576/],
    ['a column reference like ZZZZZZ', '<row r="9"><c r="ZZZZZZ9"><v>1</v></c></row>', /工作表「甲」无法读取.*ZZZZZZ9/],
    ['a column past XFD', '<row r="9"><c r="XFE9"><v>1</v></c></row>', /工作表「甲」无法读取.*XFE9/],
    ['a row number of 2^32', '<row r="4294967296"><c><v>1</v></c></row>', /工作表「甲」无法读取.*4294967296/],
    ['a row number of 40 digits', `<row r="${'9'.repeat(40)}"><c><v>1</v></c></row>`, /工作表「甲」无法读取.*row number 9+\*+9+ is outside/],
  ];
  it.each(coords)('%s is exit 2 at once', async (_name, row, reason) => {
    const f = save(book({ sheets: [{ name: '甲', xml: sheetXml(aidRows()).replace('</sheetData>', `${row}</sheetData>`) }] }));
    const r = await runCli(['check', f.path, ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, reason);
    expect(changedSince(f.snap)).toEqual([]);
  });

  it("Excel's last cell (XFD1048576) is read", async () => {
    const xml = sheetXml(aidRows()).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>');
    const { workbook } = await readXlsx(book({ sheets: [{ name: '甲', xml }] }), 'x');
    expect(workbook.sheets[0].rows[1048575][16383]).toBe(7);
  });

  /** A sheet part whose XML repeats one cell until it is `mb` megabytes: about 1,000:1 deflated. */
  function bombSheet(mb: number): Buffer {
    const head = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">');
    const cell = Buffer.from('<c r="A1"><v>1</v></c>'.repeat(4096));
    const n = Math.ceil((mb * 1024 * 1024) / cell.length);
    return Buffer.concat([head, ...Array.from({ length: n }, () => cell), Buffer.from('</row></sheetData></worksheet>')]);
  }

  it('a zip bomb sheet stops at its first megabytes', async () => {
    const raw = bombSheet(100);
    const f = save(zipParts(bookParts({ sheets: [{ name: '甲', xml: '' }], edit: replace('xl/worksheets/sheet1.xml', raw) })));
    const r = await runCli(['check', f.path, ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, /工作表「甲」无法读取：部件 xl\/worksheets\/sheet1\.xml 的压缩比超过 400:1/);
  });

  it('a part that declares 3 GB is refused before it is inflated', async () => {
    const f = save(zipParts(bookParts({ sheets: [{ name: '甲', xml: sheetXml(aidRows()) }], edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 3 * 1024 ** 3 } : p)) })));
    const r = await runCli(['check', f.path, ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, /部件 xl\/worksheets\/sheet1\.xml 解压后有 3072 MiB，超过上限 2048 MiB/);
  });

  it('a part that inflates past the size it declares is damaged', async () => {
    const f = save(zipParts(bookParts({ sheets: [{ name: '甲', xml: sheetXml(aidRows()) }], edit: (parts) => parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 100 } : p)) })));
    const r = await runCli(['check', f.path, ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, /部件 xl\/worksheets\/sheet1\.xml 解压后比声明的长/);
  });

  it('a [Content_Types].xml bomb (as the 1 GB one) stops when the copy is written', async () => {
    // 64 MiB of blanks at about 1,000:1, declared honestly: refused before it is inflated.
    const ct = Buffer.concat([Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'), Buffer.alloc(64 * 1024 * 1024, 32), Buffer.from('</Types>')]);
    const body = deflateRawSync(ct, { level: 9 });
    expect(body.length).toBeLessThan(ct.length / 500);
    const f = save(zipParts(bookParts({ ...twoTownships(), edit: replace('[Content_Types].xml', ct) })));
    const r = await runCli(['check', f.path, ...WINDOW, '--out', join(f.dir, 'out.xlsx')]);
    expectBounded(r);
    expectOneLineReason(r, /\[Content_Types\]\.xml 的压缩比超过 400:1/);
    expect(changedSince(f.snap)).toEqual([]);
  });

  it('/dev/zero as input is refused at once', async () => {
    const r = await runCli(['check', '/dev/zero', ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, /不是普通文件/);
  });

  it('a FIFO nobody writes to is refused at once', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'in.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['check', fifo, ...WINDOW]);
    expectBounded(r);
    expectOneLineReason(r, /不是普通文件/);
  });
});
