import { Document, Element } from '@xmldom/xmldom';
import { NUMBER_FORMATS, NumberFormatKey, RowTone, TONE_FILL } from '../core/summary/sheet';
import { canonical, childElements, createIn, firstChild, fragment, insertInOrder, parseDom, root, serializeDom } from './dom';

/** The cell formats our tabs use, added to the workbook's own styles.xml. */
export interface OurStyles {
  title: number;
  subtitle: number;
  header: number;
  body: Record<NumberFormatKey, number>;
  link: number;
  /** The same body and link formats on an error's or a warning's background. */
  tone: Record<RowTone, { body: Record<NumberFormatKey, number>; link: number }>;
}

const TONES: RowTone[] = ['error', 'warning'];
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const FORMAT_KEYS = Object.keys(NUMBER_FORMATS) as NumberFormatKey[];
const BUILTIN_IDS: Partial<Record<NumberFormatKey, number>> = { text: 49, integer: 1, number: 0 };

/** CT_Stylesheet's element order: a list we create goes before the first of these that exists. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function list(doc: Document, tag: string): Element {
  const sheet = root(doc);
  let e = firstChild(sheet, tag);
  if (!e) {
    e = createIn(doc, tag, { count: '0' });
    insertInOrder(sheet, e, ORDER.slice(ORDER.indexOf(tag) + 1));
  }
  return e;
}

/**
 * The index of a record equal to `xml` in the list, adding it only when none is: running on our
 * own output again reuses the fonts and cell formats the last run added (Excel allows 512 fonts).
 */
function ensure(doc: Document, tag: string, xml: string): number {
  const parent = list(doc, tag);
  const [item] = fragment(doc, xml);
  const key = canonical(item);
  const existing = childElements(parent);
  const found = existing.findIndex((e) => canonical(e) === key);
  if (found >= 0) return found;
  parent.appendChild(item);
  parent.setAttribute('count', String(existing.length + 1));
  return existing.length;
}

function ensureNumFmt(doc: Document, code: string): number {
  const parent = list(doc, 'numFmts');
  const fmts = childElements(parent, 'numFmt');
  const same = fmts.find((f) => f.getAttribute('formatCode') === code);
  if (same) return Number(same.getAttribute('numFmtId'));
  const id = Math.max(199, ...fmts.map((f) => Number(f.getAttribute('numFmtId')) || 0)) + 1;
  const e = createIn(doc, 'numFmt', { numFmtId: String(id), formatCode: code });
  parent.appendChild(e);
  parent.setAttribute('count', String(fmts.length + 1));
  return id;
}

const FONT = (inner: string) => `<font>${inner}<name val="等线"/><family val="2"/><charset val="134"/></font>`;
const THIN = '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/>';

/** Adds (or finds) our fonts, fill, border, number formats and cell formats; returns the new styles.xml and our indexes. */
export function addOurStyles(stylesXml: string, part = 'xl/styles.xml'): { xml: string; styles: OurStyles } {
  const doc = parseDom(stylesXml, part);
  const fmtIds = {} as Record<NumberFormatKey, number>;
  for (const key of FORMAT_KEYS) fmtIds[key] = BUILTIN_IDS[key] ?? ensureNumFmt(doc, NUMBER_FORMATS[key]);
  // numFmts may be left empty (pandas writes <numFmts count="0"/>): Excel accepts it, but drop an empty one we made.
  const nf = firstChild(root(doc), 'numFmts');
  if (nf && childElements(nf).length === 0) root(doc).removeChild(nf);
  const font = {
    title: ensure(doc, 'fonts', FONT('<b/><sz val="14"/>')),
    subtitle: ensure(doc, 'fonts', FONT('<sz val="10"/><color rgb="FF595959"/>')),
    header: ensure(doc, 'fonts', FONT('<b/><sz val="11"/><color rgb="FFFFFFFF"/>')),
    body: ensure(doc, 'fonts', FONT('<sz val="11"/>')),
    link: ensure(doc, 'fonts', FONT('<u/><sz val="11"/><color rgb="FF0563C1"/>')),
  };
  const solid = (rgb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
  const fill = ensure(doc, 'fills', solid('FF305496'));
  const toneFill = Object.fromEntries(TONES.map((t) => [t, ensure(doc, 'fills', solid(argb(TONE_FILL[t])))])) as Record<RowTone, number>;
  const border = ensure(doc, 'borders', `<border>${THIN}</border>`);
  // A cell format's xfId points into cellStyleXfs, which must hold at least the Normal style.
  if (childElements(list(doc, 'cellStyleXfs')).length === 0) ensure(doc, 'cellStyleXfs', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
  const xf = (fontId: number, fmt: number, withFill: boolean | number, withBorder: boolean, align: string) => {
    const fillId = withFill === true ? fill : withFill === false ? 0 : withFill;
    return ensure(
      doc,
      'cellXfs',
      `<xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fillId}" borderId="${withBorder ? border : 0}" xfId="0" applyNumberFormat="1" applyFont="1"${fillId ? ' applyFill="1"' : ''}${withBorder ? ' applyBorder="1"' : ''} applyAlignment="1"><alignment ${align}/></xf>`,
    );
  };
  const body = {} as Record<NumberFormatKey, number>;
  const styles: OurStyles = {
    title: xf(font.title, 0, false, false, 'vertical="center"'),
    subtitle: xf(font.subtitle, 0, false, false, 'vertical="top" wrapText="1"'),
    header: xf(font.header, 49, true, true, 'horizontal="center" vertical="center" wrapText="1"'),
    body,
    link: 0,
    tone: {} as OurStyles['tone'],
  };
  for (const k of FORMAT_KEYS) body[k] = xf(font.body, fmtIds[k], false, true, 'vertical="top" wrapText="1"');
  styles.link = xf(font.link, 49, false, true, 'vertical="top"');
  for (const t of TONES) {
    const toneBody = {} as Record<NumberFormatKey, number>;
    for (const k of FORMAT_KEYS) toneBody[k] = xf(font.body, fmtIds[k], toneFill[t], true, 'vertical="top" wrapText="1"');
    styles.tone[t] = { body: toneBody, link: xf(font.link, 49, toneFill[t], true, 'vertical="top"') };
  }
  return { xml: serializeDom(doc), styles };
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
