import fc from 'fast-check';
import { scanSheet, SheetScanner } from '../../src/xlsx/sheet-scan';
import { parseSharedStrings } from '../../src/xlsx/read';

/** Characters XML 1.0 allows in text (no \r: the reader turns line ends into \n, as XML says). */
const xmlChar = (cp: number) => cp === 0x9 || cp === 0xa || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
// Lone surrogates are no characters: xmlChar refuses them.
const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => [...s].every((c) => xmlChar(c.codePointAt(0)!)));

/** Each character written raw (UTF-8), as a decimal or hex character reference, or as a named entity. */
function encode(s: string, how: number[]): string {
  return [...s]
    .map((c, i) => {
      const cp = c.codePointAt(0)!;
      const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
      switch (how[i % how.length]) {
        case 1:
          return `&#${cp};`;
        case 2:
          return `&#x${cp.toString(16)};`;
        default:
          return named[c] ?? c;
      }
    })
    .join('');
}

const sheetWith = (inner: string) => `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${inner}</t></is></c></row></sheetData></worksheet>`;

describe('cell text in sheet XML', () => {
  it('reads back any text, however its characters were written (raw UTF-8, &#…;, &#x…;, named entities)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }), (s, how) => {
        const got = scanSheet(sheetWith(encode(s, how)), 'x', [], new Set(), false).rows[0]?.[0];
        expect(got ?? '').toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every cell right when texts repeat, in the same or another spelling (the tokenizer remembers recent texts)', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 30 }), (texts, picks) => {
        const cells = picks.map(([p, how]) => texts[p % texts.length] + (how === 2 ? '乙' : ''));
        const xml = `<worksheet><sheetData><row r="1">${cells.map((c, i) => `<c t="inlineStr"><is><t>${encode(c, [picks[i][1] % 2])}</t></is></c>`).join('')}</row></sheetData></worksheet>`;
        const row = scanSheet(xml, 'x', [], new Set(), false).rows[0] ?? [];
        cells.forEach((c, i) => expect(row[i] ?? '').toBe(c));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a long text (past the one-pass buffer) the same way', () => {
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }), (s, how) => {
        const long = (s + '甲&').repeat(300);
        const got = scanSheet(sheetWith(encode(long, how)), 'x', [], new Set(), false).rows[0]?.[0];
        expect(got).toBe(long);
      }),
      { numRuns: 30 },
    );
  });

  it('reads plain ASCII texts of every length (ID and phone numbers) as written, in shared strings and in cells', () => {
    const chars = '0123456789Xx -./:;()_=#?!~';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (n, picks) => {
        const s = picks
          .slice(0, n)
          .map((p) => chars[p % chars.length])
          .join('');
        expect(parseSharedStrings(`<sst><si><t>${s}</t></si></sst>`, 'sst')).toEqual([s]);
        expect(scanSheet(sheetWith(s), 'x', [], new Set(), false).rows[0]?.[0] ?? '').toBe(s);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a U+FEFF inside a text (only the part’s own byte-order mark is dropped)', () => {
    expect(scanSheet(sheetWith('\ufeff甲&#65279;乙'), 'x', [], new Set(), false).rows[0][0]).toBe('\ufeff甲\ufeff乙');
  });

  it('refuses bytes that are not UTF-8 (overlong, surrogate, cut short, past U+10FFFF) as a damaged part', () => {
    const head = new TextEncoder().encode('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
    const tail = new TextEncoder().encode('</t></is></c></row></sheetData></worksheet>');
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80], [0xff], [0x80]]) {
      const s = new SheetScanner('x', 'sheet.xml', [], new Set(), false);
      const bytes = new Uint8Array([...head, ...bad, ...tail]);
      expect(() => {
        s.push(bytes);
        s.end();
      }).toThrow(/not UTF-8/);
    }
  });
});
