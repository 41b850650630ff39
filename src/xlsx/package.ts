import JSZip from 'jszip';
import { XlsxError } from './errors';
import { elements, parseXml, local } from './xml';
import { relsPathOf, resolveTarget } from './paths';

export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
export const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The sheet-scoped defined name that marks a tab as written by Ledger Check (its value is the tab's role). */
export const OWNED_NAME = 'LedgerCheck_Owned';

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  part: string;
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
  zip: JSZip;
  workbookPart: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Opens the package; unusable input becomes an XlsxError with a one-line reason. */
export async function openPackage(data: Uint8Array): Promise<XlsxPackage> {
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
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new XlsxError('corrupt', `文件已损坏，无法解压 / the file is damaged (${(e as Error).message})`);
  }
  try {
    return await describePackage(zip);
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', `文件结构已损坏 / the workbook is damaged (${(e as Error).message})`);
  }
}

export async function readPart(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async('string') : null;
}

export async function readRels(zip: JSZip, part: string): Promise<Array<{ id: string; type: string; target: string; external: boolean }>> {
  const xml = await readPart(zip, relsPathOf(part));
  if (!xml) return [];
  return elements(xml, 'Relationship', relsPathOf(part)).map((r) => ({
    id: r.Id,
    type: r.Type,
    target: r.Target,
    external: r.TargetMode === 'External',
  }));
}

async function describePackage(zip: JSZip): Promise<XlsxPackage> {
  const rootRels = await readRels(zip, '');
  const doc = rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT);
  const workbookPart = doc ? resolveTarget('', doc.target) : 'xl/workbook.xml';
  const wbXml = await readPart(zip, workbookPart);
  if (!wbXml) throw new XlsxError('not-xlsx', '压缩包里没有 Excel 工作簿 / the zip holds no Excel workbook');
  const rels = await readRels(zip, workbookPart);
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
            const rel = relById.get(relId);
            sheets.push({ name: a.name, sheetId: a.sheetId, relId, part: rel ? resolveTarget(workbookPart, rel.target) : '', state: a.state ?? 'visible', owned: null });
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
      sheets[n.localSheetId].owned = n.value.replace(/^"|"$/g, '');
    }
  }
  const part = (type: string) => {
    const r = rels.find((x) => x.type === type);
    return r ? resolveTarget(workbookPart, r.target) : null;
  };
  return { zip, workbookPart, sheets, definedNames, date1904, stylesPart: part(REL_STYLES), sharedStringsPart: part(REL_SHARED_STRINGS) };
}
