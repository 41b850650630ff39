import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { cli } from '../helpers/cli';
import { AID_HEADER, aidRows } from '../helpers/grid';
import { xlsxFrom } from '../helpers/fixtures';
import { partBytes, tempDir } from './harness';

/**
 * Workbooks written by other tools, as clerks get them, go through the writer and must still
 * open in LibreOffice and openpyxl with our tabs in them and the user's parts untouched.
 * Generated at test time with Debian's python3 (openpyxl, pandas, xlsxwriter) and soffice.
 */
const PYTHON = '/usr/bin/python3';
const EDITED = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml']);

const MAKE = `
import sys, json, openpyxl, pandas as pd
out, rows = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.Workbook(); ws = wb.active; ws.title = '帮扶'
for r in rows: ws.append(r)
ws.merge_cells('A1:M1')
wb.save(out + '/openpyxl.xlsx')
df = pd.DataFrame(rows[2:], columns=rows[1])
df.to_excel(out + '/pandas-openpyxl.xlsx', sheet_name='帮扶', index=False, engine='openpyxl')
df.to_excel(out + '/pandas-xlsxwriter.xlsx', sheet_name='帮扶', index=False, engine='xlsxwriter')
`;

const OPEN = `
import sys, json, openpyxl
res = {}
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    ws = wb['检查结果']
    res[f] = {'sheets': wb.sheetnames, 'title': ws['A1'].value}
print(json.dumps(res, ensure_ascii=False))
`;

/** The same workbook with every element of styles.xml and workbook.xml under an x: prefix, as .NET tools write it. */
async function prefixed(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const part of ['xl/styles.xml', 'xl/workbook.xml']) {
    const xml = await zip.file(part)!.async('string');
    zip.file(
      part,
      xml
        .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

function rowsAsPlainValues(): Array<Array<string | number | null>> {
  return aidRows().map((r) => r.map((v) => (v instanceof Date ? '2017-01-10' : (v as string | number | null))));
}

describe('copies of workbooks written by other tools', () => {
  let dir: string;
  let inputs: string[];
  beforeAll(async () => {
    dir = tempDir('lc-foreign-');
    execFileSync(PYTHON, ['-c', MAKE, dir, JSON.stringify(rowsAsPlainValues())]);
    writeFileSync(join(dir, 'exceljs.xlsx'), await xlsxFrom([{ name: '帮扶', rows: aidRows(), merges: ['A1:M1'] }]));
    writeFileSync(join(dir, 'x-prefixed.xlsx'), await prefixed(readFileSync(join(dir, 'exceljs.xlsx'))));
    // LibreOffice writes its own .xlsx from a CSV of the same ledger.
    const csv = join(dir, '帮扶.csv'); // LibreOffice names the sheet after the file
    writeFileSync(csv, [AID_HEADER, ...rowsAsPlainValues().slice(2)].map((r) => r.join(',')).join('\n'));
    // The CSV is UTF-8 (filter token 76): read as Windows-1252 its headers are mojibake and the
    // copy would hold no ledger at all, which is 没有找到可检查的台账 (exit 2), not a check.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'pipe', timeout: 180_000 });
    renameSync(join(dir, '帮扶.xlsx'), join(dir, 'libreoffice.xlsx'));
    inputs = ['openpyxl', 'pandas-openpyxl', 'pandas-xlsxwriter', 'exceljs', 'x-prefixed', 'libreoffice'].map((n) => join(dir, `${n}.xlsx`));
    for (const f of inputs) expect(existsSync(f)).toBe(true);
    for (const f of inputs) {
      const r = await cli('check', f, '--out', f.replace(/\.xlsx$/, '.copy.xlsx'), '--quiet');
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
    }
  });

  it("keeps every part of the user's byte for byte (but the active sheet's selected flag)", async () => {
    for (const f of inputs) {
      const before = await partBytes(readFileSync(f));
      const after = await partBytes(readFileSync(f.replace(/\.xlsx$/, '.copy.xlsx')));
      const changed: string[] = [];
      for (const [name, data] of before) {
        expect({ f, name, kept: after.has(name) }).toEqual({ f, name, kept: true });
        if (EDITED.has(name) || after.get(name)!.equals(data)) continue;
        // The one allowed change: the active sheet is no longer tabSelected, so the copy opens on
        // 检查结果 alone (Excel would group two selected sheets). Its cells are untouched.
        const unselected = data.toString('utf8').replace(/(<(\w+:)?sheetView\b[^>]*?)\s+tabSelected="(1|true)"/, '$1');
        expect({ f, name, onlyViewChanged: after.get(name)!.toString('utf8') === unselected }).toEqual({ f, name, onlyViewChanged: true });
        changed.push(name);
      }
      expect(changed.length).toBeLessThanOrEqual(1);
    }
  });

  it('open in openpyxl with 检查结果 in them', () => {
    const copies = inputs.map((f) => f.replace(/\.xlsx$/, '.copy.xlsx'));
    const res = JSON.parse(execFileSync(PYTHON, ['-c', OPEN, ...copies], { encoding: 'utf8' }));
    for (const c of copies) {
      expect(res[c].sheets[0]).toBe('帮扶');
      expect(res[c].sheets).toContain('检查结果');
      expect(res[c].title).toMatch(/检查结果/);
    }
  });

  it('open in LibreOffice, every sheet converted, ours among them', () => {
    const copies = inputs.map((f) => f.replace(/\.xlsx$/, '.copy.xlsx'));
    const outdir = join(dir, 'csv');
    // One soffice run for all copies: each start costs seconds.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', outdir, ...copies], { stdio: 'pipe', timeout: 300_000 });
    const csvs = readdirSync(outdir);
    for (const c of copies) {
      const base = c.split('/').pop()!.replace(/\.xlsx$/, '');
      expect(csvs).toEqual(expect.arrayContaining([`${base}-帮扶.csv`, `${base}-检查结果.csv`]));
      expect(readFileSync(join(outdir, `${base}-检查结果.csv`), 'utf8')).toContain('检查结果');
    }
  });
});
