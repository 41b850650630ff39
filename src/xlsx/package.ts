import type JSZip from 'jszip';
import { XlsxError } from './errors';
import { elements, parseXml, local } from './xml';
import { relsPathOf, resolveTarget } from './paths';
import { findEntry, Inflater, openZip, readEntryBytes, ZipArchive } from './zip';
import { MAX_META_PART_BYTES } from './limits';
import { partText, XmlError } from './xml-stream';

export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
export const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Transitional and Strict OOXML name their relationship types under two bases. */
const REL_BASES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'];

/** The kind of a relationship type (worksheet, sharedStrings…) in either form; '' if it is neither. */
export function relKind(type: string): string {
  for (const b of REL_BASES) if (type.startsWith(b)) return type.slice(b.length);
  return '';
}

/** The sheet-scoped defined name that marks a tab as written by Ledger Check (its value is the tab's role). */
export const OWNED_NAME = 'LedgerCheck_Owned';

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  /** The sheet's part; '' when its relationship is missing or points nowhere (see `problem`). */
  part: string;
  /** Relationship kind: worksheet, chartsheet, dialogsheet, xlMacrosheet. */
  kind: string;
  /** Why the sheet's part cannot be found, when it cannot. */
  problem?: { zh: string; en: string };
  state: string;
  /** The role of a tab Ledger Check wrote, from its OWNED_NAME defined name. */
  owned: string | null;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
}

/** An opened .xlsx: the zip and what its workbook part says. */
export interface XlsxPackage {
  /** The file's bytes: jszip opens them only when a copy is written (see `packageZip` in write.ts). */
  data: Uint8Array;
  /** jszip's view of the package, once a writer asked for it. */
  jszip?: JSZip;
  workbookPart: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
  /** The zip as read here: parts inflated as streams under a byte budget. */
  archive: ZipArchive;
}

/**
 * Our own zip reader of each JSZip object this module opened, and the entries as opened, so
 * readPart inflates an untouched part under a budget (a part the writer replaced is its own).
 */
const archives = new WeakMap<JSZip, { archive: ZipArchive; opened: Map<string, JSZip.JSZipObject> }>();

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Opens the package; unusable input becomes an XlsxError with a one-line reason. */
export async function openPackage(data: Uint8Array, inflater?: Inflater): Promise<XlsxPackage> {
  if (CFB_MAGIC.every((b, i) => data[i] === b)) {
    // Both password-protected .xlsx and old .xls are OLE compound files.
    const text = new TextDecoder('utf-16le').decode(data.subarray(0, Math.min(data.length, 1 << 16)));
    if (text.includes('EncryptionInfo') || text.includes('EncryptedPackage')) {
      throw new XlsxError('encrypted', '文件已加密（设置了打开密码），请在 Excel 中取消密码后再检查 / the file is password-protected');
    }
    throw new XlsxError('xls', '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再检查 / this is an old .xls file: save it as .xlsx');
  }
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new XlsxError('not-xlsx', '不是 .xlsx 文件 / not an .xlsx file');
  }
  const archive = openZip(data, inflater);
  try {
    return await describePackage(data, archive);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', `文件结构已损坏 / the workbook is damaged (${(e as Error).message})`);
  }
}

/** Ties jszip's view of a package to our reader of it, so readPart reads untouched parts under a budget. */
export function registerZip(zip: JSZip, archive: ZipArchive): void {
  archives.set(zip, { archive, opened: new Map(Object.entries(zip.files)) });
}

/**
 * A small part's text (workbook, relationships, styles, content types), UTF-8 or UTF-16, read
 * under MAX_META_PART_BYTES when the zip was opened here; null if the package has no such part.
 */
export async function readPart(zip: JSZip, part: string): Promise<string | null> {
  const known = archives.get(zip);
  const f = zip.file(part);
  if (!known || (f && known.opened.get(part) !== f)) return f ? f.async('string') : null;
  return readArchivePart(known.archive, part);
}

/** A small part's text straight from our zip reader (the package as the file holds it). */
export async function readArchivePart(archive: ZipArchive, part: string): Promise<string | null> {
  const entry = findEntry(archive, part);
  if (!entry) return null;
  const bytes = await readEntryBytes(archive, entry, MAX_META_PART_BYTES);
  try {
    return partText(bytes, part);
  } catch (e) {
    if (e instanceof XmlError) throw new XlsxError('corrupt', `文件结构已损坏 / the workbook is damaged (${e.message})`);
    throw e;
  }
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export async function readRels(zip: JSZip, part: string): Promise<Rel[]> {
  return relsOf(await readPart(zip, relsPathOf(part)), part);
}

function relsOf(xml: string | null, part: string): Rel[] {
  if (!xml) return [];
  return elements(xml, 'Relationship', relsPathOf(part)).map((r) => ({
    id: r.Id,
    type: r.Type,
    target: r.Target,
    external: r.TargetMode === 'External',
  }));
}

async function describePackage(data: Uint8Array, archive: ZipArchive): Promise<XlsxPackage> {
  const rootRels = relsOf(await readArchivePart(archive, relsPathOf('')), '');
  const doc = rootRels.find((r) => relKind(r.type) === 'officeDocument');
  const workbookPart = doc ? resolveTarget('', doc.target) : 'xl/workbook.xml';
  const wbXml = await readArchivePart(archive, workbookPart);
  if (!wbXml) throw new XlsxError('not-xlsx', '压缩包里没有 Excel 工作簿 / the zip holds no Excel workbook');
  const rels = relsOf(await readArchivePart(archive, relsPathOf(workbookPart)), workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let currentName: DefinedName | null = null;
  parseXml(
    wbXml,
    {
      open(t) {
        const a = t.attributes as Record<string, string>;
        switch (local(t.name)) {
          case 'workbookPr':
            date1904 = a.date1904 === '1' || a.date1904 === 'true';
            break;
          case 'sheet': {
            const relId = Object.entries(a).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1] ?? '';
            sheets.push({ name: a.name, sheetId: a.sheetId, relId, ...sheetPart(archive, workbookPart, relById.get(relId), relId), state: a.state ?? 'visible', owned: null });
            break;
          }
          case 'definedName':
            currentName = { name: a.name, localSheetId: a.localSheetId !== undefined ? Number(a.localSheetId) : null, value: '' };
            definedNames.push(currentName);
            break;
        }
      },
      text(x) {
        if (currentName) currentName.value += x;
      },
      close(name) {
        if (local(name) === 'definedName') currentName = null;
      },
    },
    workbookPart,
  );
  for (const n of definedNames) {
    if (n.name === OWNED_NAME && n.localSheetId !== null && sheets[n.localSheetId]) {
      // Excel writes the constant as "…"; a producer that keeps the formula's = is read alike.
      sheets[n.localSheetId].owned = n.value.trim().replace(/^=/, '').replace(/^"|"$/g, '');
    }
  }
  const part = (kind: string) => {
    const r = rels.find((x) => relKind(x.type) === kind && !x.external);
    return r ? resolveTarget(workbookPart, r.target) : null;
  };
  return { data, workbookPart, sheets, definedNames, date1904, stylesPart: part('styles'), sharedStringsPart: part('sharedStrings'), archive };
}

/** Where a sheet's cells are, or why they cannot be found. */
function sheetPart(archive: ZipArchive, workbookPart: string, rel: Rel | undefined, relId: string): Pick<SheetEntry, 'part' | 'kind' | 'problem'> {
  if (!rel) return { part: '', kind: '', problem: { zh: `工作簿里没有它指向的关系 ${relId || '(空)'}`, en: `its relationship ${relId || '(none)'} is missing from the workbook` } };
  const kind = relKind(rel.type);
  if (rel.external) return { part: '', kind, problem: { zh: `它指向文件外部 ${rel.target}`, en: `it points outside the file (${rel.target})` } };
  const part = resolveTarget(workbookPart, rel.target);
  if (!['worksheet', 'xlMacrosheet', 'chartsheet', 'dialogsheet'].includes(kind)) {
    return { part, kind, problem: { zh: `它的关系类型不是工作表（${rel.type}）`, en: `its relationship is not a sheet's (${rel.type})` } };
  }
  if (!findEntry(archive, part)) return { part, kind, problem: { zh: `文件里没有它的部件 ${part}`, en: `its part ${part} is not in the file` } };
  return { part, kind };
}
