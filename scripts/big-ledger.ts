/**
 * Ledgers at Excel's limits for `npm run bench` and the command line's big-sheet test, written
 * straight as XML into a zip part by part (exceljs and openpyxl take minutes at a million rows).
 * Each tab is a township of the aid ledger with inline strings, as exceljs's streaming writer
 * makes them; the totals written are returned so the command line's can be checked.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { households, idFor, LEDGER_HEADER } from './samples/households';
import { centralHeader, endOfCentralDirectory, localHeader } from './zip-records';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const COLS = 'ABCDEFGHIJKLM';

/** openpyxl writes every character outside ASCII as a character reference (基 as &#22522;). */
const charRefs = (s: string) => s.replace(/[^\x00-\x7f]/g, (ch) => `&#${ch.codePointAt(0)};`);

function cell(ref: string, v: string | number | Date, refs = false): string {
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="1"><v>${v.getTime() / 86_400_000 + 25569}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${refs ? charRefs(esc(v)) : esc(v)}</t></is></c>`;
}

/** A zip written as it goes: each part deflated in independent flushed blocks, sizes in data descriptors. */
class ZipOut {
  private fd: number;
  private offset = 0;
  private central: Buffer[] = [];
  private count = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  private write(b: Buffer) {
    writeSync(this.fd, b);
    this.offset += b.length;
  }
  /** Writes one part; returns its length inflated, in bytes. */
  part(name: string, chunks: Iterable<string>): number {
    const n = Buffer.from(name);
    const start = this.offset;
    // Sizes and CRC unknown until the part is written: zeros here, the data descriptor after.
    this.write(localHeader({ name: n, method: 8, flags: 0x808, crc: 0, compressedSize: 0, size: 0 }));
    let crc = 0;
    let size = 0;
    let csize = 0;
    let pending = '';
    const flush = (last: boolean) => {
      const raw = Buffer.from(pending);
      pending = '';
      crc = crc32(raw, crc);
      size += raw.length;
      const body = deflateRawSync(raw, { level: 6, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
      csize += body.length;
      this.write(body);
    };
    for (const c of chunks) {
      pending += c;
      if (pending.length > 1 << 22) flush(false);
    }
    flush(true);
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(crc, 4);
    dd.writeUInt32LE(csize, 8);
    dd.writeUInt32LE(size, 12);
    this.write(dd);
    this.central.push(centralHeader({ name: n, method: 8, flags: 0x808, crc, compressedSize: csize, size }, start));
    this.count++;
    return size;
  }
  close() {
    const cd = Buffer.concat(this.central);
    const at = this.offset;
    this.write(cd);
    this.write(endOfCentralDirectory(this.count, cd.length, at));
    closeSync(this.fd);
  }
}

export interface BigLedger {
  households: number;
  amount: number;
}

export interface WrittenLedger extends BigLedger {
  /** Each sheet part's length inflated, in bytes (in characters too when charRefs leaves only ASCII). */
  sheetBytes: number[];
}

export interface BigLedgerOptions {
  /** Township tabs the households are spread over (1). */
  tabs?: number;
  /**
   * Numbers the tabs (and seeds their households) from here (0), so several files can each
   * hold different townships of one province, as a 10-tab ledger split into 10 files.
   */
  firstTab?: number;
  /** Text as openpyxl writes it, every non-ASCII character a character reference: a sheet several times longer as text. */
  charRefs?: boolean;
  /** Put in 备注 on every row (none). */
  remark?: string;
}

/** `total` households (the first two rows of each tab are title and header). */
export function writeBigLedger(path: string, total: number, options: BigLedgerOptions = {}): WrittenLedger {
  const { tabs = 1, firstTab = 0 } = options;
  const z = new ZipOut(path);
  const per = Math.ceil(total / tabs);
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  z.part('[Content_Types].xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      Array.from({ length: tabs }, (_, t) => `<Override PartName="/xl/worksheets/sheet${t + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
  ]);
  z.part('_rels/.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  z.part('xl/workbook.xml', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>${Array.from({ length: tabs }, (_, t) => `<sheet name="乡镇${firstTab + t + 1}镇" sheetId="${t + 1}" r:id="rId${t + 1}"/>`).join('')}</sheets></workbook>`]);
  z.part('xl/_rels/workbook.xml.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: tabs }, (_, t) => `<Relationship Id="rId${t + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${t + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/></Relationships>`]);
  z.part('xl/styles.xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>']);
  const sum: WrittenLedger = { households: 0, amount: 0, sheetBytes: [] };
  for (let t = 0; t < tabs; t++) {
    const n = Math.min(per, total - t * per);
    sum.sheetBytes.push(z.part(`xl/worksheets/sheet${t + 1}.xml`, sheetRows(firstTab + t, n, sum, options)));
  }
  z.close();
  return sum;
}

/** Households a tab may hold: tab t's IDs are drawn from its own block of the ID space. */
const TAB_SPAN = 1_048_576;
/** Birth dates idFor is given: 50 years of 12 months of 28 days. */
const DATES = 50 * 12 * 28;

/**
 * Row i of tab t's ID: every household its own ID but one in 500, which repeats the ID of the
 * household 250 rows above (found twice in its tab). Random IDs (as the samples draw them) would
 * collide more the more households there are, and the findings would grow as the square of the
 * ledger: the bench's sizes would then measure the input, not the reader.
 */
function uniqueId(t: number, i: number): string {
  const row = i % 500 === 499 ? i - 250 : i;
  const g = t * TAB_SPAN + row;
  const date = g % DATES;
  const birth = `${1940 + Math.floor(date / 336)}${String(1 + (Math.floor(date / 28) % 12)).padStart(2, '0')}${String(1 + (date % 28)).padStart(2, '0')}`;
  return idFor('371502', birth, Math.floor(g / DATES));
}

function* sheetRows(t: number, n: number, sum: BigLedger, { charRefs: refs = false, remark }: BigLedgerOptions): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  yield `<row r="1">${cell('A1', `基准县乡镇${t + 1}镇计生困难家庭帮扶救助台账`, refs)}</row>`;
  yield `<row r="2">${LEDGER_HEADER.map((h, c) => cell(`${COLS[c]}2`, h, refs)).join('')}</row>`;
  const BATCH = 50_000;
  for (let done = 0; done < n; done += BATCH) {
    // Batches with their own seed keep memory flat; IDs differ by the seed's draw.
    const hs = households(1000 * t + done / BATCH + 7, '371502', ['东村', '西村', '南村', '北村', '中心社区'], Math.min(BATCH, n - done));
    let out = '';
    for (let k = 0; k < hs.length; k++) {
      const h = hs[k];
      const r = done + k + 3;
      const v: Array<string | number | Date> = [done + k + 1, h.village, h.head, uniqueId(t, done + k), h.members, h.type, h.cash as number, h.goods, h.total, h.source, h.visit, h.phone, ...(remark ? [remark] : [])];
      out += `<row r="${r}">${v.map((x, c) => cell(`${COLS[c]}${r}`, x, refs)).join('')}</row>`;
      sum.households++;
      sum.amount += h.total;
      if (out.length > 1 << 20) {
        yield out;
        out = '';
      }
    }
    yield out;
  }
  yield '</sheetData></worksheet>';
}
