import JSZip from 'jszip';
import { sheetRef } from '../core/address';
import { HEADER_ROW, OwnedRole, SheetDescription } from '../core/summary/sheet';
import { freeName } from '../core/summary/tab-names';
import { Document, Element } from '@xmldom/xmldom';
import { NS_RELATIONSHIPS, OWNED_NAME, readArchivePart, readPart, readRels, registerZip, REL_STYLES, REL_TABLE, REL_WORKSHEET, XlsxPackage, openPackage } from './package';
import { XlsxError } from './errors';
import { childElements, createIn, descendants, firstChild, insertInOrder, parseDom, root, serializeDom } from './dom';
import { ownershipMark } from '../core/summary/ownership';
import { parseDateStyles } from './read';
import { scanSheet } from './sheet-scan';
import { relsPathOf, relativeTarget, resolveTarget } from './paths';
import { externalLinkRels, sheetXml, tableXml } from './sheet-xml';
import { chartXml, drawingXml } from './chart';
import { addOurStyles, MINIMAL_STYLES } from './styles';
import { escapeXml } from './xml';

const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

export interface WriteResult {
  bytes: Uint8Array;
  /** The name each tab got (检查结果, or 检查结果(2) when a user's sheet has that name). */
  names: Partial<Record<OwnedRole, string>>;
}

/**
 * Adds the summary tabs to the package without re-serialising any of the user's parts:
 * tabs Ledger Check wrote before are removed first, then the new tabs, their tables and
 * styles are added. The user's sheets, charts, pivots, comments and images are carried
 * over byte for byte.
 */
/**
 * jszip's view of the package, opened on first use and kept: reading never needs it, so a check
 * that writes no copy never loads jszip. A file jszip cannot open is a damaged one.
 */
export async function packageZip(pkg: XlsxPackage): Promise<JSZip> {
  if (pkg.jszip) return pkg.jszip;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(pkg.data);
  } catch (e) {
    throw new XlsxError('corrupt', `文件已损坏，无法解压 / the file is damaged (${(e as Error).message})`);
  }
  registerZip(zip, pkg.archive);
  pkg.jszip = zip;
  return zip;
}

export async function writeTabs(pkg: XlsxPackage, tabs: SheetDescription[]): Promise<WriteResult> {
  const zip = await packageZip(pkg);
  const wb = parseDom((await readPart(zip, pkg.workbookPart))!, pkg.workbookPart);
  const wbRelsPath = relsPathOf(pkg.workbookPart);
  const rels = parseDom((await readPart(zip, wbRelsPath)) ?? relsXml([]), wbRelsPath);
  const ct = parseDom((await readPart(zip, '[Content_Types].xml'))!, '[Content_Types].xml');
  const wbRoot = root(wb);
  let sheetsEl = firstChild(wbRoot, 'sheets');
  if (!sheetsEl) {
    sheetsEl = createIn(wb, 'sheets');
    wbRoot.appendChild(sheetsEl);
  }

  // 1. Remove the tabs we wrote last time (only those proved ours), and the parts only they use.
  const removed = new Set<number>();
  const sheetEls = childElements(sheetsEl, 'sheet');
  for (const [i, s] of pkg.sheets.entries()) {
    if (!s.owned) continue;
    removed.add(i);
    const el = sheetEls.find((e) => e.getAttribute('sheetId') === s.sheetId);
    if (el) sheetsEl.removeChild(el);
    for (const r of childElements(root(rels), 'Relationship')) if (r.getAttribute('Id') === s.relId) root(rels).removeChild(r);
  }
  const workbookTargets = childElements(root(rels), 'Relationship')
    .filter((r) => r.getAttribute('TargetMode') !== 'External')
    .map((r) => resolveTarget(pkg.workbookPart, r.getAttribute('Target') ?? ''));
  await removeOwnedParts(zip, ct, pkg.sheets.filter((_, i) => removed.has(i)).map((s) => s.part).filter(Boolean), pkg.workbookPart, workbookTargets);
  const shift = (index: number) => index - [...removed].filter((r) => r < index).length;
  const namesEl = firstChild(wbRoot, 'definedNames');
  if (namesEl) {
    for (const n of childElements(namesEl, 'definedName')) {
      const local = n.getAttribute('localSheetId');
      if (local === null || !/^\d+$/.test(local)) continue;
      const idx = Number(local);
      if (removed.has(idx)) namesEl.removeChild(n);
      else n.setAttribute('localSheetId', String(shift(idx)));
    }
  }
  const remaining = pkg.sheets.filter((_, i) => !removed.has(i));
  for (const view of descendants(wb, 'workbookView')) {
    for (const attr of ['activeTab', 'firstSheet']) {
      const v = view.getAttribute(attr);
      if (v === null) continue;
      const idx = Number(v);
      view.setAttribute(attr, String(!Number.isInteger(idx) || removed.has(idx) || shift(idx) >= remaining.length ? 0 : shift(idx)));
    }
  }

  // 2. Styles for our cells, added to the workbook's own (reusing those a previous run added).
  const stylesPart = pkg.stylesPart ?? 'xl/styles.xml';
  const styled = addOurStyles((await readPart(zip, stylesPart)) ?? MINIMAL_STYLES, stylesPart);
  zip.file(stylesPart, styled.xml);
  // A Strict OOXML workbook gets our parts and relationships in its own namespaces.
  const strict = root(wb).namespaceURI === NS_STRICT_MAIN;
  const own = (xml: string) => (strict ? toStrict(xml) : xml);
  if (!pkg.stylesPart) {
    addRelationship(rels, 'rIdLcStyles', own(REL_STYLES), relativeTarget(pkg.workbookPart, stylesPart));
    addOverride(ct, stylesPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  }

  // 3. The new tabs.
  const dateStyles = parseDateStyles(styled.xml, stylesPart);
  const relNs = own(NS_RELATIONSHIPS);
  const rPrefix = relationshipPrefix(sheetsEl, relNs);
  let nextSheetId = Math.max(0, ...childElements(sheetsEl, 'sheet').map((e) => Number(e.getAttribute('sheetId')) || 0)) + 1;
  const tables = await existingTables(zip);
  let nextTableId = Math.max(0, ...tables.ids) + 1;
  const takenNames = remaining.map((s) => s.name);
  const names: WriteResult['names'] = {};
  const newNames: Element[] = [];
  const relIds = new Set(childElements(root(rels), 'Relationship').map((r) => r.getAttribute('Id')));
  tabs.forEach((tab, k) => {
    const name = freeName(tab.name, takenNames);
    takenNames.push(name);
    names[tab.role] = name;
    // Named as Excel names them: some readers (exceljs among them) find parts by these names.
    const sheetPart = freePart(zip, 'xl/worksheets/sheet', '.xml');
    const tablePart = freePart(zip, 'xl/tables/table', '.xml');
    const tableName = freeTableName(tab.tableName, tables.names);
    tables.names.add(tableName.toLowerCase());
    const sheetRels: Rel[] = [{ id: 'rId1', type: REL_TABLE, target: relativeTarget(sheetPart, tablePart) }];
    if (tab.chart) {
      const drawingPart = freePart(zip, 'xl/drawings/drawing', '.xml');
      const chartPart = freePart(zip, 'xl/charts/chart', '.xml');
      zip.file(chartPart, own(chartXml(tab, tab.chart, name)));
      zip.file(drawingPart, own(drawingXml(tab, 'rId1')));
      zip.file(relsPathOf(drawingPart), own(relsXml([{ id: 'rId1', type: REL_CHART, target: relativeTarget(drawingPart, chartPart) }])));
      addOverride(ct, drawingPart, CT_DRAWING);
      addOverride(ct, chartPart, CT_CHART);
      sheetRels.push({ id: 'rId2', type: REL_DRAWING, target: relativeTarget(sheetPart, drawingPart) });
    }
    const xml = own(sheetXml(tab, styled.styles, 'rId1', tab.chart ? 'rId2' : undefined));
    zip.file(sheetPart, xml);
    zip.file(tablePart, own(tableXml(tab, nextTableId++, tableName)));
    for (const l of externalLinkRels(tab)) sheetRels.push({ id: l.id, type: REL_HYPERLINK, target: l.target, external: true });
    zip.file(relsPathOf(sheetPart), own(relsXml(sheetRels)));
    addOverride(ct, sheetPart, CT_SHEET);
    addOverride(ct, tablePart, CT_TABLE);
    const relId = freeRelId(relIds, k);
    relIds.add(relId);
    addRelationship(rels, relId, own(REL_WORKSHEET), relativeTarget(pkg.workbookPart, sheetPart));
    const sheet = createIn(wb, 'sheet', { name, sheetId: String(nextSheetId++) });
    sheet.setAttributeNS(relNs, `${rPrefix}:id`, relId);
    sheetsEl.appendChild(sheet);
    const index = remaining.length + k;
    const titles = createIn(wb, 'definedName', { name: '_xlnm.Print_Titles', localSheetId: String(index) });
    titles.appendChild(wb.createTextNode(sheetRef(name, `$${HEADER_ROW}:$${HEADER_ROW}`)));
    const owned = createIn(wb, 'definedName', { name: OWNED_NAME, localSheetId: String(index), hidden: '1' });
    owned.appendChild(wb.createTextNode(`"${ownershipMark(tab.role, scanSheet(xml, name, [], dateStyles, pkg.date1904), pkg.date1904)}"`));
    newNames.push(titles, owned);
  });
  if (newNames.length > 0) {
    let list = firstChild(wbRoot, 'definedNames');
    if (!list) {
      list = createIn(wb, 'definedNames');
      insertInOrder(wbRoot, list, WORKBOOK_AFTER_DEFINED_NAMES);
    }
    for (const n of newNames) list.appendChild(n);
  }
  await openOnFindings(zip, wb, remaining, tabs);
  zip.file(pkg.workbookPart, serializeDom(wb));
  zip.file(wbRelsPath, serializeDom(rels));
  zip.file('[Content_Types].xml', serializeDom(ct));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, names };
}

/** CT_Workbook's children that come after definedNames. */
const WORKBOOK_AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * The prefix to write r:id with: the one already bound to the relationships namespace where the
 * sheets are, else "r" (declared on our element by the serializer), else a prefix of our own.
 */
function relationshipPrefix(sheets: Element, relNs: string): string {
  const bound = sheets.lookupPrefix(relNs);
  if (bound) return bound;
  return sheets.lookupNamespaceURI('r') === null ? 'r' : 'lcr';
}

/** The main part's content type, which fixes the extension Excel accepts (.xlsx, .xlsm…). */
export async function mainContentType(pkg: XlsxPackage): Promise<string | null> {
  const xml = await readArchivePart(pkg.archive, '[Content_Types].xml');
  if (!xml) return null;
  const ct = parseDom(xml, '[Content_Types].xml');
  const override = childElements(root(ct), 'Override').find((o) => samePartName(o.getAttribute('PartName') ?? '', pkg.workbookPart));
  return override?.getAttribute('ContentType') ?? null;
}

/** A new workbook holding only the summary tabs (for consolidating several files). */
export async function newWorkbookWithTabs(tabs: SheetDescription[]): Promise<WriteResult> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.file('_rels/.rels', relsXml([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', target: 'xl/workbook.xml' }]));
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_RELATIONSHIPS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', relsXml([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', target: 'styles.xml' }]));
  zip.file('xl/styles.xml', MINIMAL_STYLES);
  const pkg = await openPackage(await zip.generateAsync({ type: 'uint8array' }));
  return writeTabs(pkg, tabs);
}

/**
 * Removes the parts of our old tabs: their sheet parts, and what those point to (table, drawing,
 * chart) when nothing else in the package points there too. Relationships that loop (a part
 * pointing at itself or back up) are followed once each.
 */
async function removeOwnedParts(zip: JSZip, ct: Document, sheetParts: string[], workbookPart: string, workbookTargets: string[]): Promise<void> {
  if (sheetParts.length === 0) return;
  const candidates = new Set<string>();
  const queue = [...sheetParts];
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (candidates.has(part)) continue;
    candidates.add(part);
    for (const r of await readRels(zip, part).catch(() => [])) {
      if (r.external || !OWNED_PART_TYPES.has(fromStrict(r.type))) continue;
      queue.push(resolveTarget(part, r.target));
    }
  }
  // Anything a part outside our set still points to stays (a user's part is never removed).
  // The workbook's relationships come from the edited copy: our old tabs' entries are gone from it.
  const kept = new Set<string>(workbookTargets);
  for (const f of zip.file(/(^|\/)_rels\/[^/]*\.rels$/)) {
    const source = sourceOfRels(f.name);
    if (candidates.has(source) || source === workbookPart) continue;
    for (const r of await readRels(zip, source).catch(() => [])) if (!r.external) kept.add(resolveTarget(source, r.target));
  }
  for (const part of candidates) {
    if (kept.has(part)) continue;
    zip.remove(relsPathOf(part));
    zip.remove(part);
    removeOverride(ct, part);
  }
}

const OWNED_PART_TYPES = new Set([REL_TABLE, REL_DRAWING, REL_CHART]);

const NS_STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** Transitional namespaces (and relationship types, which start with them) and their Strict names. */
const STRICT: Array<[string, string]> = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', NS_STRICT_MAIN],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
];

/** Our own generated XML in Strict terms (never applied to a user's part). */
function toStrict(xml: string): string {
  for (const [t, s] of STRICT) xml = xml.split(t).join(s);
  return xml;
}

function fromStrict(uri: string): string {
  for (const [t, s] of STRICT) if (uri.startsWith(s)) return t + uri.slice(s.length);
  return uri;
}

/** The part a .rels file describes (xl/_rels/workbook.xml.rels → xl/workbook.xml). */
function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath)!;
  return m[1] + m[2];
}

/** Part names compare without case (OPC), with or without the leading slash. */
function samePartName(partName: string, part: string): boolean {
  return partName.replace(/^\//, '').toLowerCase() === part.toLowerCase();
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

const REL_HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function relsXml(rels: Rel[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
    '</Relationships>'
  );
}

function addRelationship(rels: Document, id: string, type: string, target: string): void {
  root(rels).appendChild(createIn(rels, 'Relationship', { Id: id, Type: type, Target: target }));
}

function freeRelId(taken: Set<string | null>, k: number): string {
  for (let i = k + 1; ; i++) if (!taken.has(`rIdLc${i}`)) return `rIdLc${i}`;
}

function addOverride(ct: Document, part: string, type: string): void {
  root(ct).appendChild(createIn(ct, 'Override', { PartName: `/${part}`, ContentType: type }));
}

function removeOverride(ct: Document, part: string): void {
  for (const o of childElements(root(ct), 'Override')) if (samePartName(o.getAttribute('PartName') ?? '', part)) root(ct).removeChild(o);
}

function freePart(zip: JSZip, base: string, ext: string): string {
  for (let i = 1; ; i++) if (!zip.file(`${base}${i}${ext}`)) return `${base}${i}${ext}`;
}

async function existingTables(zip: JSZip): Promise<{ ids: number[]; names: Set<string> }> {
  const ids: number[] = [];
  const names = new Set<string>();
  for (const f of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    let table: Element;
    try {
      table = root(parseDom(await f.async('string'), f.name));
    } catch {
      continue; // a damaged table part of the user's: its names cannot clash with anything readable
    }
    const id = Number(table.getAttribute('id'));
    if (Number.isInteger(id)) ids.push(id);
    for (const attr of ['name', 'displayName']) {
      const v = table.getAttribute(attr);
      if (v) names.add(v.toLowerCase());
    }
  }
  return { ids, names };
}

function freeTableName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}${i}`.toLowerCase())) return `${wanted}${i}`;
}

/**
 * The copy opens on 检查结果, the verdict. Excel selects every sheet whose view says
 * tabSelected="1", so that flag goes from the user's active sheet (a view setting, the only
 * change to a user's part); its cells are not touched.
 */
async function openOnFindings(zip: JSZip, wb: Document, remaining: XlsxPackage['sheets'], tabs: SheetDescription[]): Promise<void> {
  const k = tabs.findIndex((t) => t.role === 'findings');
  if (k < 0) return;
  const index = remaining.length + k;
  let view = descendants(wb, 'workbookView')[0];
  // The selected sheet is the active one (a group of selected sheets is rare): only its part is read.
  const active = remaining[Number(view?.getAttribute('activeTab') ?? 0) || 0];
  const file = active?.part ? zip.file(active.part) : null;
  if (file) {
    const xml = await file.async('string');
    const end = xml.indexOf('<sheetData');
    const head = xml.slice(0, end > 0 ? end : 4096);
    if (/<(\w+:)?sheetView\b[^>]*\btabSelected="(1|true)"/.test(head))
      zip.file(active.part, head.replace(/(<(\w+:)?sheetView\b[^>]*?)\s+tabSelected="(1|true)"/g, '$1') + xml.slice(head.length));
  }
  if (!view) {
    // No bookViews at all (Excel then opens the first sheet): add one, just before <sheets>.
    const wbRoot = root(wb);
    let views = firstChild(wbRoot, 'bookViews');
    if (!views) {
      views = createIn(wb, 'bookViews');
      insertInOrder(wbRoot, views, ['sheets', 'functionGroups', 'externalReferences', 'definedNames', ...WORKBOOK_AFTER_DEFINED_NAMES]);
    }
    view = createIn(wb, 'workbookView');
    views.appendChild(view);
  }
  view.setAttribute('activeTab', String(index));
}
