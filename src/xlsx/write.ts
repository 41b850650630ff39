import JSZip from 'jszip';
import { sheetRef } from '../core/address';
import { HEADER_ROW, OwnedRole, SheetDescription } from '../core/summary/sheet';
import { freeName } from '../core/summary/tab-names';
import { NS_RELATIONSHIPS, OWNED_NAME, readPart, readRels, REL_TABLE, REL_WORKSHEET, XlsxPackage, openPackage } from './package';
import { relsPathOf, relativeTarget, resolveTarget } from './paths';
import { sheetXml, tableXml } from './sheet-xml';
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
export async function writeTabs(pkg: XlsxPackage, tabs: SheetDescription[]): Promise<WriteResult> {
  const zip = pkg.zip;
  let wb = (await readPart(zip, pkg.workbookPart))!;
  const wbRelsPath = relsPathOf(pkg.workbookPart);
  let rels = (await readPart(zip, wbRelsPath)) ?? emptyRels();
  let ct = (await readPart(zip, '[Content_Types].xml'))!;

  // 1. Remove the tabs we wrote last time.
  const removed = new Set<number>();
  for (const [i, s] of pkg.sheets.entries()) {
    if (!s.owned) continue;
    removed.add(i);
    wb = wb.replace(new RegExp(`<(\\w+:)?sheet\\b[^>]*\\bsheetId="${s.sheetId}"[^>]*/>`), '');
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${s.relId}"[^>]*/>`), '');
    ct = await removePartTree(zip, ct, s.part);
  }
  const shift = (index: number) => index - [...removed].filter((r) => r < index).length;
  wb = wb.replace(/<(\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(\w+:)?definedName>/g, (all, _p, attrs: string) => {
    const m = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!m) return all;
    const idx = Number(m[1]);
    if (removed.has(idx)) return '';
    return all.replace(`localSheetId="${idx}"`, `localSheetId="${shift(idx)}"`);
  });
  const remaining = pkg.sheets.filter((_, i) => !removed.has(i));
  wb = wb.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (_all, attr: string, n: string) => {
    const idx = Number(n);
    return `${attr}="${removed.has(idx) || shift(idx) >= remaining.length ? 0 : shift(idx)}"`;
  });

  // 2. Styles for our cells, appended to the workbook's own.
  const stylesPart = pkg.stylesPart ?? 'xl/styles.xml';
  const styled = addOurStyles((await readPart(zip, stylesPart)) ?? MINIMAL_STYLES);
  zip.file(stylesPart, styled.xml);
  if (!pkg.stylesPart) {
    rels = addRelationship(rels, 'rIdLcStyles', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles', relativeTarget(pkg.workbookPart, stylesPart));
    ct = addOverride(ct, stylesPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  }

  // 3. The new tabs.
  const prefix = /<(\w+:)?sheets\b/.exec(wb)?.[1] ?? '';
  const rPrefix = new RegExp(`xmlns:(\\w+)="${NS_RELATIONSHIPS}"`).exec(wb)?.[1];
  const relAttr = rPrefix ? `${rPrefix}:id` : `xmlns:lcr="${NS_RELATIONSHIPS}" lcr:id`;
  let nextSheetId = Math.max(0, ...[...wb.matchAll(/\bsheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const tables = await existingTables(zip);
  let nextTableId = Math.max(0, ...tables.ids) + 1;
  const takenNames = remaining.map((s) => s.name);
  const names: WriteResult['names'] = {};
  let newSheets = '';
  let newNames = '';
  tabs.forEach((tab, k) => {
    const name = freeName(tab.name, takenNames);
    takenNames.push(name);
    names[tab.role] = name;
    // Named as Excel names them: some readers (exceljs among them) find parts by these names.
    const sheetPart = freePart(zip, 'xl/worksheets/sheet', '.xml');
    const tablePart = freePart(zip, 'xl/tables/table', '.xml');
    const tableName = freeTableName(tab.tableName, tables.names);
    tables.names.add(tableName.toLowerCase());
    const sheetRels = [{ id: 'rId1', type: REL_TABLE, target: relativeTarget(sheetPart, tablePart) }];
    if (tab.chart) {
      const drawingPart = freePart(zip, 'xl/drawings/drawing', '.xml');
      const chartPart = freePart(zip, 'xl/charts/chart', '.xml');
      zip.file(chartPart, chartXml(tab, tab.chart, name));
      zip.file(drawingPart, drawingXml(tab, 'rId1'));
      zip.file(relsPathOf(drawingPart), relsXml([{ id: 'rId1', type: REL_CHART, target: relativeTarget(drawingPart, chartPart) }]));
      ct = addOverride(ct, drawingPart, CT_DRAWING);
      ct = addOverride(ct, chartPart, CT_CHART);
      sheetRels.push({ id: 'rId2', type: REL_DRAWING, target: relativeTarget(sheetPart, drawingPart) });
    }
    zip.file(sheetPart, sheetXml(tab, styled.styles, 'rId1', tab.chart ? 'rId2' : undefined));
    zip.file(tablePart, tableXml(tab, nextTableId++, tableName));
    zip.file(relsPathOf(sheetPart), relsXml(sheetRels));
    ct = addOverride(ct, sheetPart, CT_SHEET);
    ct = addOverride(ct, tablePart, CT_TABLE);
    const relId = freeRelId(rels, k);
    rels = addRelationship(rels, relId, REL_WORKSHEET, relativeTarget(pkg.workbookPart, sheetPart));
    newSheets += `<${prefix}sheet name="${escapeXml(name)}" sheetId="${nextSheetId++}" ${relAttr}="${relId}"/>`;
    const index = remaining.length + k;
    newNames += `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(sheetRef(name, `$${HEADER_ROW}:$${HEADER_ROW}`))}</${prefix}definedName>`;
    newNames += `<${prefix}definedName name="${OWNED_NAME}" localSheetId="${index}" hidden="1">"${tab.role}"</${prefix}definedName>`;
  });
  wb = insertSheets(wb, prefix, newSheets);
  wb = insertDefinedNames(wb, prefix, newNames);
  zip.file(pkg.workbookPart, wb);
  zip.file(wbRelsPath, rels);
  zip.file('[Content_Types].xml', ct);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, names };
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

/** Removes a part we wrote and everything it points to (table, drawing, chart), with their .rels. */
async function removePartTree(zip: JSZip, ct: string, part: string): Promise<string> {
  for (const r of await readRels(zip, part)) {
    if (r.external) continue;
    ct = await removePartTree(zip, ct, resolveTarget(part, r.target));
  }
  zip.remove(relsPathOf(part));
  zip.remove(part);
  return removeOverride(ct, part);
}

function emptyRels(): string {
  return relsXml([]);
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
    '</Relationships>'
  );
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`);
}

function freeRelId(rels: string, k: number): string {
  for (let i = k + 1; ; i++) {
    const id = `rIdLc${i}`;
    if (!rels.includes(`"${id}"`)) return id;
  }
}

function addOverride(ct: string, part: string, type: string): string {
  return ct.replace(/<\/Types>\s*$/, `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`);
}

function removeOverride(ct: string, part: string): string {
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${escaped}"[^>]*/>`), '');
}

function freePart(zip: JSZip, base: string, ext: string): string {
  for (let i = 1; ; i++) if (!zip.file(`${base}${i}${ext}`)) return `${base}${i}${ext}`;
}

async function existingTables(zip: JSZip): Promise<{ ids: number[]; names: Set<string> }> {
  const ids: number[] = [];
  const names = new Set<string>();
  for (const f of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await f.async('string');
    const root = /<(\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? '';
    const id = /\bid="(\d+)"/.exec(root);
    if (id) ids.push(Number(id[1]));
    for (const attr of ['name', 'displayName']) {
      const m = new RegExp(`\\b${attr}="([^"]+)"`).exec(root);
      if (m) names.add(m[1].toLowerCase());
    }
  }
  return { ids, names };
}

function freeTableName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}${i}`.toLowerCase())) return `${wanted}${i}`;
}

function insertSheets(wb: string, prefix: string, sheets: string): string {
  const close = `</${prefix}sheets>`;
  if (wb.includes(close)) return wb.replace(close, `${sheets}${close}`);
  return wb.replace(new RegExp(`<${prefix}sheets\\s*/>`), `<${prefix}sheets>${sheets}${close}`);
}

function insertDefinedNames(wb: string, prefix: string, names: string): string {
  const close = `</${prefix}definedNames>`;
  if (wb.includes(close)) return wb.replace(close, `${names}${close}`);
  const emptyNames = new RegExp(`<${prefix}definedNames\\s*/>`);
  if (emptyNames.test(wb)) return wb.replace(emptyNames, `<${prefix}definedNames>${names}${close}`);
  // definedNames comes right after sheets (and functionGroups / externalReferences).
  const anchor = [`</${prefix}externalReferences>`, `</${prefix}sheets>`].find((a) => wb.includes(a))!;
  return wb.replace(anchor, `${anchor}<${prefix}definedNames>${names}${close}`);
}
