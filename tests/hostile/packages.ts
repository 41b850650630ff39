/**
 * Packages built by hand for the reader's hostile tests: every part's XML as given, zipped by a
 * tiny zip writer of our own so a test can also make what no library writes (duplicate entries,
 * lying sizes, stored or deflated parts).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { centralHeader, endOfCentralDirectory, localHeader, ZipEntry } from '../../scripts/zip-records';
import { CellValue } from '../../src/core/workbook';
import { aidRows } from '../helpers/grid';

export interface Part {
  name: string;
  data: Uint8Array | string;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Declared uncompressed size, when a test wants it to lie. */
  declaredSize?: number;
  /** A body deflated by the test itself (big parts built in blocks), with its size and CRC. */
  deflated?: { body: Buffer; size: number; crc: number };
}

export function zipParts(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = p.deflated ? null : typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const body = p.deflated ? p.deflated.body : p.stored ? raw! : deflateRawSync(raw!, { level: 9 });
    const entry: ZipEntry = {
      name: Buffer.from(p.name, 'utf8'),
      method: p.stored ? 0 : 8,
      flags: 0x800,
      crc: p.deflated ? p.deflated.crc : crc32(raw!),
      compressedSize: body.length,
      size: p.declaredSize ?? (p.deflated ? p.deflated.size : raw!.length),
    };
    const local = localHeader(entry);
    locals.push(local, body);
    central.push(centralHeader(entry, offset));
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([...locals, cd, endOfCentralDirectory(parts.length, cd.length, offset)]);
}

export const NS = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Days since 1899-12-30, Excel's serial of a UTC date. */
export const serial = (d: Date) => d.getTime() / 86_400_000 + 25569;

/**
 * A sheet part for a grid: strings go to `strings` (shared) unless inline, dates as serials with
 * style 1 (a date format). `cell` may rewrite each cell's XML.
 */
export function sheetXml(rows: CellValue[][], opts: { ns?: string; strings?: string[]; cell?: (xml: string, r: number, c: number) => string } = {}): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${opts.ns ?? NS.transitional.main}"><sheetData>`];
  rows.forEach((row, r) => {
    out.push(`<row r="${r + 1}">`);
    row.forEach((v, c) => {
      const ref = `${colName(c + 1)}${r + 1}`;
      let x = '';
      if (typeof v === 'number') x = `<c r="${ref}"><v>${v}</v></c>`;
      else if (v instanceof Date) x = `<c r="${ref}" s="1"><v>${serial(v)}</v></c>`;
      else if (typeof v === 'string') {
        if (opts.strings) {
          let i = opts.strings.indexOf(v);
          if (i < 0) i = opts.strings.push(v) - 1;
          x = `<c r="${ref}" t="s"><v>${i}</v></c>`;
        } else x = `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
      }
      if (x) out.push(opts.cell ? opts.cell(x, r, c) : x);
    });
    out.push('</row>');
  });
  out.push('</sheetData></worksheet>');
  return out.join('');
}

export function sstXml(strings: string[], ns = NS.transitional.main, wrap: (s: string) => string = esc): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${wrap(s)}</t></si>`).join('')}</sst>`;
}

export const STYLES = (ns = NS.transitional.main) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export interface Book {
  sheets: Array<{ name: string; xml: string }>;
  sst?: string;
  strict?: boolean;
  /** Rewrites each part before zipping (by name). */
  edit?: (parts: Part[]) => Part[];
}

/** A whole package around the given sheets. */
export function bookParts(b: Book): Part[] {
  const ns = b.strict ? NS.strict : NS.transitional;
  const relBase = b.strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${relBase}/${type}" Target="${target}"/>`;
  const rels = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const ct =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    b.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (b.sst ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
    '</Types>';
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheets>${b.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const wbRels = rels(b.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') + rel('rIdS', 'styles', 'styles.xml') + (b.sst ? rel('rIdT', 'sharedStrings', 'sharedStrings.xml') : ''));
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: ct },
    { name: '_rels/.rels', data: rels(rel('rId1', 'officeDocument', 'xl/workbook.xml')) },
    { name: 'xl/workbook.xml', data: wb },
    { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
    { name: 'xl/styles.xml', data: STYLES(ns.main) },
    ...b.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
    ...(b.sst ? [{ name: 'xl/sharedStrings.xml', data: b.sst }] : []),
  ];
  return b.edit ? b.edit(parts) : parts;
}

export const book = (b: Book) => zipParts(bookParts(b));

/** Two correct township tabs of the aid sample (exit 0 with AID_WINDOW): what damage must never turn into 可以提交. */
export function twoTownships(opts: { strict?: boolean; shared?: boolean } = {}): Book {
  const strings: string[] | undefined = opts.shared ? [] : undefined;
  const ns = opts.strict ? NS.strict.main : NS.transitional.main;
  const a = aidRows();
  const b = aidRows((rows) => {
    rows[0] = ['阳谷县2017年春节走访慰问计生困难家庭台账'];
    rows.splice(3); // one household
    rows[2] = [1, '阿城镇', '阿城村', '赵桂兰', '372522195001010029', 2, '失独', 600, 0, 600, '政府投入', new Date(Date.UTC(2017, 0, 12)), '13700001111'];
  });
  const sheets = [
    { name: '甲', xml: sheetXml(a, { ns, strings }) },
    { name: '乙', xml: sheetXml(b, { ns, strings }) },
  ];
  return { sheets, strict: opts.strict, sst: strings ? sstXml(strings, ns) : undefined };
}
