import fc from 'fast-check';
import { SheetScanner } from '../../src/xlsx/sheet-scan';
import { SharedStringsReader } from '../../src/xlsx/read';
import { XmlTokenizer } from '../../src/xlsx/xml-stream';

/**
 * Inflated parts arrive in pieces of about a MiB, cut anywhere. A token cut in two is joined
 * with the next piece's first bytes only, or with the whole piece when it runs on past them (a
 * long text, comment or tag): parts tens of KiB long, cut anywhere, read as they read whole.
 */
const long = (n: number) => '东村&amp;'.repeat(n);
const STRINGS = ['零', '一', '东村'];

function sheetXml(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 400; r++) {
    const cells = [`<c r="A${r}"><v>${r}</v></c>`, `<c r="B${r}" t="s"><v>${r % 3}</v></c>`, `<c r="C${r}" s="1"><v>42745</v></c>`, `<c r="D${r}" t="inlineStr"><is><t>户${r}</t></is></c>`];
    if (r === 150) cells.push(`<c r="E${r}" t="inlineStr"><is><t>${long(3000)}</t></is></c>`); // ~39 KB of text
    if (r === 300) cells.push(`<!-- ${'x'.repeat(40_000)} --><c r="E${r}" t="str"><v>${long(10)}</v></c>`);
    rows.push(`<row r="${r}" spans="1:5">${cells.join('')}</row>`);
  }
  return `<?xml version="1.0"?>\n<worksheet><sheetData>${rows.join('\n')}</sheetData></worksheet>`;
}

function sstXml(): string {
  const items: string[] = [];
  for (let k = 0; k < 3000; k++) items.push(k === 1000 ? `<si><t>${long(4000)}</t></si>` : `<si><t>${k % 2 ? `37150219500415${String(k).padStart(4, '0')}` : '冯建华'}</t></si>`);
  return `<sst count="3000">${items.join('')}</sst>`;
}

function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((k) => k % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

function readSheet(bytes: Uint8Array, cuts: number[]): unknown {
  const s = new SheetScanner('表', 'sheet1.xml', STRINGS, new Set([1]), false);
  try {
    for (const p of pieces(bytes, cuts)) s.push(p);
    return s.end();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

function readStrings(bytes: Uint8Array, cuts: number[]): unknown {
  const reader = new SharedStringsReader();
  const t = new XmlTokenizer(reader, 'sharedStrings.xml');
  try {
    for (const p of pieces(bytes, cuts)) t.push(p);
    t.end();
    return reader.out;
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const cuts = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });

describe('parts pushed in pieces cut anywhere', () => {
  const sheet = new TextEncoder().encode(sheetXml());
  const whole = readSheet(sheet, []);

  it('read a sheet as it reads whole, long texts and comments across the cuts included', () => {
    expect(typeof whole).not.toBe('string');
    expect((whole as { rows: unknown[][] }).rows[149][4]).toBe('东村&'.repeat(3000));
    fc.assert(
      fc.property(cuts, (c) => {
        expect(readSheet(sheet, c)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('read shared strings as they read whole', () => {
    const bytes = new TextEncoder().encode(sstXml());
    const all = readStrings(bytes, []) as string[];
    expect(all).toHaveLength(3000);
    expect(all[1000]).toBe('东村&'.repeat(4000));
    fc.assert(
      fc.property(cuts, (c) => {
        expect(readStrings(bytes, c)).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });

  it('refuse a part cut short the same wherever the pieces were cut', () => {
    const cut = sheet.subarray(0, Math.floor(sheet.length * 0.4));
    const said = readSheet(cut, []);
    expect(said).toMatch(/^error: sheet1\.xml: /);
    fc.assert(
      fc.property(cuts, (c) => {
        expect(readSheet(cut, c)).toEqual(said);
      }),
      { numRuns: 30 },
    );
  });
});
