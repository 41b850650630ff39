import fc from 'fast-check';
import { SheetScanner } from '../../src/xlsx/sheet-scan';
import { SharedStringsReader } from '../../src/xlsx/read';
import { XmlTokenizer } from '../../src/xlsx/xml-stream';
import { SheetInput } from '../../src/core/workbook';

/**
 * The scanner reads the common cell shapes in one pass and leaves the rest to the tag-by-tag
 * reader. Whatever the cells look like and wherever the inflater cuts the bytes, the one-pass
 * reading must give exactly what the tag-by-tag reading gives (values or the same refusal).
 */
const STRINGS = ['零', '一', '东村'];
const DATE_STYLES = new Set([1]);

/** Pushes xml in pieces cut at `cuts`; returns what `end` gives, or the refusal. */
function feed<T>(xml: string, cuts: number[], push: (b: Uint8Array) => void, end: () => T): T | string {
  const bytes = new TextEncoder().encode(xml);
  try {
    let from = 0;
    for (const c of [...cuts.map((k) => k % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
      push(bytes.subarray(from, c));
      from = c;
    }
    return end();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

// An own property hides the one-pass method: every element goes tag by tag.
const tagByTag = (handler: object) => ((handler as { element?: unknown }).element = undefined);

function scan(xml: string, cuts: number[], onePass: boolean): SheetInput | string {
  const s = new SheetScanner('表', 'sheet1.xml', STRINGS, DATE_STYLES, false);
  if (!onePass) tagByTag(s);
  return feed(xml, cuts, (b) => s.push(b), () => s.end());
}

function sharedStrings(xml: string, cuts: number[], onePass: boolean): string[] | string {
  // The part's size, as the zip declares it: room is made for as many strings as uniqueCount says (and the size allows).
  const reader = new SharedStringsReader(new TextEncoder().encode(xml).length);
  if (!onePass) tagByTag(reader);
  const t = new XmlTokenizer(reader, 'sharedStrings.xml');
  return feed(xml, cuts, (b) => t.push(b), () => (t.end(), reader.out));
}

const space = fc.constantFrom('', ' ', '\n  ', '\t');
const text = fc.constantFrom('12', '-3.5', ' 7', '1E3', '', '东村', 'A&amp;B', '&#19996;&#26449;', '0', '2', 'x\r\ny', '42745');
const attrs = fc.record({
  // References the reader refuses are rare: one fails the whole sheet, and both readings then only agree on the refusal.
  r: fc.option(fc.oneof({ arbitrary: fc.constantFrom('A1', 'B1', 'C1', 'AA1', 'b1', 'A$1'), weight: 30 }, { arbitrary: fc.constantFrom('1A', 'XFE1', 'A1048577'), weight: 1 }), { nil: undefined }),
  t: fc.option(fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'x'), { nil: undefined }),
  s: fc.option(fc.constantFrom('0', '1', 'x'), { nil: undefined }),
  other: fc.option(fc.constantFrom(' cm="1"', " vm='2'", ' x14ac:ph="1"', ' r="B1"'), { nil: undefined }),
  quote: fc.constantFrom('"', "'"),
  gap: fc.constantFrom(' ', '  ', '\t', ' \n'),
});
const content = fc.oneof(
  fc.constant(''),
  fc.tuple(space, text, space).map(([a, v, b]) => `${a}<v>${v}</v>${b}`),
  fc.tuple(space, text).map(([a, v]) => `${a}<f>B1+C1</f><v>${v}</v>`),
  fc.tuple(text).map(([v]) => `<f t="shared" si="0"/><v>${v}</v>`),
  fc.constant('<f>SUM(A1:A2)</f>'),
  fc.tuple(space, text, space).map(([a, v, b]) => `<is>${a}<t>${v}</t>${b}</is>`),
  fc.tuple(text).map(([v]) => `<is><t xml:space="preserve">${v}</t></is>`),
  fc.constant('<is><r><t>甲</t></r><r><t>乙</t></r></is>'),
  fc.constant('<is><t>甲</t><rPh><t>JIA</t></rPh></is>'),
  fc.constant('<v><![CDATA[5]]></v>'),
  fc.constant('<!-- note --><v>3</v>'),
  fc.constant('<is><t/></is>'),
  fc.constant('<v>1</v><v>2</v>'),
);
const cell = fc.tuple(attrs, fc.boolean(), content).map(([a, selfClosing, body]) => {
  const at = (name: string, v: string | undefined) => (v === undefined ? '' : `${a.gap}${name}=${a.quote}${v}${a.quote}`);
  const open = `<c${at('r', a.r)}${at('t', a.t)}${at('s', a.s)}${a.other ?? ''}`;
  return selfClosing ? `${open}/>` : `${open}>${body}</c>`;
});
/** A row's start tag as writers make it, now and then one the reader refuses or reads tag by tag. */
const rowTag = fc
  .record({
    r: fc.oneof({ arbitrary: fc.constant('n'), weight: 20 }, { arbitrary: fc.constantFrom(undefined, 'x', '', '0', '1048577', '07'), weight: 1 }),
    extra: fc.constantFrom('', ' spans="1:5"', " spans='1:13' ht=\"15\" customHeight=\"1\"", ' x14ac:dyDescent="0.25"', ' hidden="1"', ' r="9"', '\n spans="1:2"'),
    gap: fc.constantFrom(' ', '  ', ' \t', '\n'),
    quote: fc.constantFrom('"', "'"),
    end: fc.constantFrom('>', ' >', '/>'),
  })
  .map((t) => (n: number) => {
    const r = t.r === 'n' ? `${t.gap}r=${t.quote}${n}${t.quote}` : t.r === undefined ? '' : `${t.gap}r=${t.quote}${t.r}${t.quote}`;
    return { open: `<row${r}${t.extra}${t.end}`, closed: t.end === '/>' };
  });
const sheet = fc.array(fc.tuple(rowTag, fc.array(cell, { maxLength: 5 })), { minLength: 1, maxLength: 4 }).map(
  (rows) =>
    `<worksheet><sheetData>${rows
      .map(([tag, cells], i) => {
        const { open, closed } = tag(i + 1);
        return closed ? open : `${open}${cells.join('')}</row>`;
      })
      .join('')}</sheetData></worksheet>`,
);

const si = fc.oneof(
  fc.tuple(space, text, space).map(([a, v, b]) => `<si>${a}<t>${v}</t>${b}</si>`),
  text.map((v) => `<si><t xml:space="preserve">${v}</t></si>`),
  fc.constantFrom('<si><r><t>张</t></r><r><t>伟</t></r></si>', '<si><t>张</t><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>', '<si/>', '<si><t/></si>', '<si><t><![CDATA[a<b]]></t></si>', '<si ><t>x</t></si>', '<si><t>a</t><t>b</t></si>'),
);
/** uniqueCount as Excel writes it, or wrong: fewer, more than the part could hold, not a number. */
const uniqueCount = fc.constantFrom((n: number) => ` uniqueCount="${n}"`, () => '', () => ' uniqueCount="1"', () => ' uniqueCount="999999999"', () => ' uniqueCount="x"');
const sst = fc
  .tuple(fc.array(si, { maxLength: 8 }), uniqueCount)
  .map(([items, unique]) => `<?xml version="1.0"?>\n<sst count="${items.length}"${unique(items.length)}>${items.join('')}</sst>`);

describe('reading elements in one pass', () => {
  it('gives what the tag-by-tag reading gives, for any cell shapes and any cuts between chunks', () => {
    let read = 0;
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 6 }), (xml, cuts) => {
        const plain = scan(xml, [], false);
        if (typeof plain !== 'string') read++;
        expect(scan(xml, cuts, true)).toEqual(plain);
      }),
      { numRuns: 400 },
    );
    // Most sheets are read, not refused: the values are compared, not just the refusals.
    expect(read).toBeGreaterThan(200);
  });

  it('reads shared strings as the tag-by-tag reading does, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(sst, fc.array(fc.nat(), { maxLength: 6 }), (xml, cuts) => {
        expect(sharedStrings(xml, cuts, true)).toEqual(sharedStrings(xml, [], false));
      }),
      { numRuns: 400 },
    );
    expect(sharedStrings('<sst><si><t>东村</t></si><si><r><t>张</t></r><r><t>伟</t></r></si></sst>', [9], true)).toEqual(['东村', '张伟']);
    // The table holds what its si elements say, whatever uniqueCount claims.
    for (const unique of ['5', '1', '0', 'x', '999999999']) expect(sharedStrings(`<sst uniqueCount="${unique}"><si><t>A1</t></si><si/><si><t>东村</t></si></sst>`, [], true)).toStrictEqual(['A1', '', '东村']);
  });

  it('shows a number as a date by its style, whatever the style index (0, a few, past 65,535)', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>42745</v></c><c r="B1" s="0"><v>42745</v></c><c r="C1" s="5"><v>42745</v></c>' +
      '<c r="D1" s="70000"><v>42745</v></c><c r="E1" s="70001"><v>42745</v></c></row></sheetData></worksheet>';
    const day = new Date(Date.UTC(2017, 0, 10));
    for (const onePass of [true, false]) {
      const s = new SheetScanner('表', 'sheet1.xml', [], new Set([0, 70000]), false);
      if (!onePass) tagByTag(s);
      s.push(new TextEncoder().encode(xml));
      expect(s.end().rows[0]).toEqual([day, day, 42745, day, 42745]);
    }
  });

  it('reads the shapes offices write: numbers, shared and inline strings, formulas, dates', () => {
    const xml =
      '<worksheet><sheetData><row r="3"><c r="A3" t="n"><v>1</v></c><c r="B3" t="s"><v>2</v></c>' +
      '<c r="C3" t="inlineStr"><is><t>&#19996;&#26449;</t></is></c><c r="D3"><f>A3*2</f><v>2</v></c>' +
      '<c r="E3" s="1"><v>42745</v></c><c r="F3" s="1"/><c r="G3" t="str"><f>"x"</f><v>乙</v></c></row></sheetData></worksheet>';
    const got = scan(xml, [], true) as SheetInput;
    expect(got.rows[2]).toEqual([1, '东村', '东村', 2, new Date(Date.UTC(2017, 0, 10)), undefined, '乙']);
  });
});
