import { NUMBER_FORMATS, NumberFormatKey } from '../core/summary/sheet';

/** The cell formats our tabs use, appended to the workbook's own styles.xml. */
export interface OurStyles {
  title: number;
  subtitle: number;
  header: number;
  body: Record<NumberFormatKey, number>;
  link: number;
}

const FORMAT_KEYS = Object.keys(NUMBER_FORMATS) as NumberFormatKey[];
const BUILTIN_IDS: Partial<Record<NumberFormatKey, number>> = { text: 49, integer: 1, number: 0 };

/** Inserts `items` before the closing tag of `<tag …>` and fixes its count; creates the element if absent. */
function appendTo(xml: string, tag: string, items: string[], createBefore: string[]): { xml: string; firstIndex: number } {
  const open = new RegExp(`<${tag}(\\s[^>]*)?(/?)>`);
  const m = open.exec(xml);
  if (!m) {
    const element = `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    for (const next of createBefore) {
      const i = xml.search(new RegExp(`<${next}[\\s/>]`));
      if (i >= 0) return { xml: xml.slice(0, i) + element + xml.slice(i), firstIndex: 0 };
    }
    const end = xml.lastIndexOf('</styleSheet>');
    return { xml: xml.slice(0, end) + element + xml.slice(end), firstIndex: 0 };
  }
  const selfClosing = m[2] === '/';
  const start = m.index;
  const closeTag = `</${tag}>`;
  const end = selfClosing ? start + m[0].length : xml.indexOf(closeTag, start) + closeTag.length;
  const body = selfClosing ? '' : xml.slice(start + m[0].length, end - closeTag.length);
  const existing = countChildren(body);
  const attrs = (m[1] ?? '').replace(/\scount="\d+"/, '');
  const element = `<${tag}${attrs} count="${existing + items.length}">${body}${items.join('')}</${tag}>`;
  return { xml: xml.slice(0, start) + element + xml.slice(end), firstIndex: existing };
}

/** Direct children of a styles list: each starts with an element at depth 0. */
function countChildren(body: string): number {
  let depth = 0;
  let count = 0;
  const re = /<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    if (m[1] === '/') depth--;
    else {
      if (depth === 0) count++;
      if (m[3] !== '/') depth++;
    }
  }
  return count;
}

const ORDER_AFTER_NUMFMTS = ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

/** Adds our fonts, fill, border, number formats and cell formats; returns the new styles.xml and our indexes. */
export function addOurStyles(stylesXml: string): { xml: string; styles: OurStyles } {
  let xml = stylesXml;
  const usedIds = [...xml.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(199, ...usedIds) + 1;
  const fmtIds = {} as Record<NumberFormatKey, number>;
  const newFmts: string[] = [];
  for (const key of FORMAT_KEYS) {
    const builtin = BUILTIN_IDS[key];
    if (builtin !== undefined) fmtIds[key] = builtin;
    else {
      fmtIds[key] = nextId++;
      newFmts.push(`<numFmt numFmtId="${fmtIds[key]}" formatCode="${NUMBER_FORMATS[key].replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`);
    }
  }
  ({ xml } = appendTo(xml, 'numFmts', newFmts, ORDER_AFTER_NUMFMTS));
  const fonts = appendTo(xml, 'fonts', [
    '<font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
    '<font><sz val="10"/><color rgb="FF595959"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
    '<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/></font>',
  ], ['fills', 'borders', 'cellStyleXfs', 'cellXfs']);
  xml = fonts.xml;
  const f = fonts.firstIndex;
  const fills = appendTo(xml, 'fills', ['<fill><patternFill patternType="solid"><fgColor rgb="FF305496"/><bgColor indexed="64"/></patternFill></fill>'], ['borders', 'cellStyleXfs', 'cellXfs']);
  xml = fills.xml;
  const thin = '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/>';
  const borders = appendTo(xml, 'borders', [`<border>${thin}</border>`], ['cellStyleXfs', 'cellXfs']);
  xml = borders.xml;
  const b = borders.firstIndex;
  const xf = (font: number, fmt: number, extra: string, align: string) =>
    `<xf numFmtId="${fmt}" fontId="${font}" fillId="${extra.includes('fill') ? fills.firstIndex : 0}" borderId="${extra.includes('border') ? b : 0}" xfId="0" applyNumberFormat="1" applyFont="1"${extra.includes('fill') ? ' applyFill="1"' : ''}${extra.includes('border') ? ' applyBorder="1"' : ''} applyAlignment="1"><alignment ${align}/></xf>`;
  const items = [
    xf(f, 0, '', 'vertical="center"'),
    xf(f + 1, 0, '', 'vertical="center"'),
    xf(f + 2, 49, 'fill border', 'horizontal="center" vertical="center" wrapText="1"'),
    ...FORMAT_KEYS.map((k) => xf(f + 3, fmtIds[k], 'border', 'vertical="top" wrapText="1"')),
    xf(f + 4, 49, 'border', 'vertical="top"'),
  ];
  const cellXfs = appendTo(xml, 'cellXfs', items, ['cellStyles']);
  xml = cellXfs.xml;
  const x = cellXfs.firstIndex;
  const body = {} as Record<NumberFormatKey, number>;
  FORMAT_KEYS.forEach((k, i) => (body[k] = x + 3 + i));
  return { xml, styles: { title: x, subtitle: x + 1, header: x + 2, body, link: x + 3 + FORMAT_KEYS.length } };
}

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
