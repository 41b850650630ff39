import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { columnLetter } from '../../src/core/address';
import { Report } from '../../src/core/report';
import { markFromNameFormula } from '../../src/excel/ownership';
import { readXlsx } from '../../src/xlsx/read';
import { cli } from '../helpers/cli';
import { aidRows, AID_WINDOW, responsibilityRows } from '../helpers/grid';
import { xlsxFrom } from '../helpers/fixtures';
import { book, twoTownships } from './packages';
import { changedSince, expectBounded, partBytes, runCli, snapshot, tempDir, tempFilesLeft } from './harness';

async function editPart(file: string, part: string, edit: (xml: string) => string, out = file): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  zip.file(part, edit(await zip.file(part)!.async('string')));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** The part and name of each sheet, and which ones the reader takes as ours. */
async function sheetsOf(file: string) {
  const { pkg } = await readXlsx(new Uint8Array(readFileSync(file)), 'x.xlsx');
  return pkg.sheets.map((s) => ({ name: s.name, part: s.part, owned: s.owned }));
}

/** A responsibility table with one planted mistake (a deadline that is no date), so a check exits 1. */
function workbookWith(rows = responsibilityRows((r) => (r[3][6] = '尽快'))) {
  const dir = tempDir();
  const input = join(dir, 'in.xlsx');
  return { dir, input, ready: xlsxFrom([{ name: '分解表', rows }]).then((b) => writeFileSync(input, b)) };
}

describe('ownership of our tabs is proved, never taken from a hidden name', () => {
  it("keeps a tab that carries our name but the user's edits, leaves it unchecked as our edited tab, and puts ours beside it", async () => {
    const w = workbookWith();
    await w.ready;
    const gen1 = join(w.dir, 'gen1.xlsx');
    await cli('check', w.input, '--out', gen1, '--quiet');
    const findings = (await sheetsOf(gen1)).find((s) => s.name === '检查结果')!;
    expect(findings.owned).toBe('findings');
    // The user types over our tab (or copies it and types new data: Excel copies the hidden name).
    const edited = join(w.dir, 'edited.xlsx');
    await editPart(gen1, findings.part, (xml) => xml.replace(/(<row r="4"[^>]*>.*?<t xml:space="preserve">)[^<]*/, '$1用户自己的数据'), edited);
    expect((await sheetsOf(edited)).find((s) => s.name === '检查结果')!.owned).toBeNull();
    const gen2 = join(w.dir, 'gen2.xlsx');
    const json = join(w.dir, 'gen2.json');
    await cli('check', edited, '--out', gen2, '--json', json, '--quiet');
    const after = await sheetsOf(gen2);
    expect(after.map((s) => [s.name, s.owned !== null])).toEqual(expect.arrayContaining([['检查结果', false], ['检查结果(2)', true]]));
    // Its part is carried over byte for byte; it is listed as our tab the user edited, not read as data.
    const [before2, after2] = await Promise.all([partBytes(readFileSync(edited)), partBytes(readFileSync(gen2))]);
    const unselected = (b: Buffer) => b.toString('utf8').replace(/\s+tabSelected="1"/, '');
    expect(unselected(after2.get(findings.part)!)).toBe(unselected(before2.get(findings.part)!));
    const listed = (JSON.parse(readFileSync(json, 'utf8')) as Report).files[0].sheets.find((s) => s.name === '检查结果');
    expect(listed).toMatchObject({ kind: 'owned', reason: '本工具写入的汇总表，已被修改：不检查，也不替换' });
  });

  it('lets the Excel host read the mark of a tab the command line wrote, fingerprint and all (proved against the values later)', () => {
    expect(markFromNameFormula('="log|lc1:0123456789abcdef"')).toBe('log|lc1:0123456789abcdef');
    expect(markFromNameFormula('=Sheet1!$A$1:$B$2')).toBe('Sheet1!$A$1:$B$2');
    expect(markFromNameFormula('')).toBeNull();
  });

  it('treats a bare hidden name on a user sheet as the user sheet', async () => {
    const w = workbookWith();
    await w.ready;
    const forged = join(w.dir, 'forged.xlsx');
    await editPart(w.input, 'xl/workbook.xml', (xml) => xml.replace('</sheets>', '</sheets><definedNames><definedName name="LedgerCheck_Owned" localSheetId="0" hidden="1">"findings"</definedName></definedNames>'), forged);
    const out = join(w.dir, 'out.xlsx');
    const r = await cli('check', forged, '--as-of', '2017-07-15', '--out', out, '--quiet');
    expect(r.code).toBe(1); // the planted mistakes in 分解表 are still found
    expect((await sheetsOf(out)).map((s) => s.name)).toContain('分解表');
    const before = await partBytes(readFileSync(forged));
    const after = await partBytes(readFileSync(out));
    expect(after.get('xl/worksheets/sheet1.xml')!.toString().replace(/\s+tabSelected="1"/, '')).toBe(before.get('xl/worksheets/sheet1.xml')!.toString().replace(/\s+tabSelected="1"/, ''));
  });

  it("never removes a user's part that our old tab's relationships point at, and stops on loops", async () => {
    const w = workbookWith();
    await w.ready;
    const gen1 = join(w.dir, 'gen1.xlsx');
    await cli('check', w.input, '--out', gen1, '--quiet');
    const ours = (await sheetsOf(gen1)).find((s) => s.name === '检查结果')!;
    const relsPath = ours.part.replace(/([^/]+)$/, '_rels/$1.rels');
    const TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
    const hostile = join(w.dir, 'hostile.xlsx');
    await editPart(
      gen1,
      relsPath,
      (xml) => xml.replace('</Relationships>', `<Relationship Id="rIdX1" Type="${TABLE}" Target="sheet1.xml"/><Relationship Id="rIdX2" Type="${TABLE}" Target="${ours.part.split('/').pop()}"/></Relationships>`),
      hostile,
    );
    const snap = snapshot([hostile]);
    const gen2 = join(w.dir, 'gen2.xlsx');
    const r = await runCli(['check', hostile, '--as-of', '2017-07-15', '--out', gen2, '--quiet']);
    expectBounded(r);
    expect(r.code).toBe(1);
    const after = await partBytes(readFileSync(gen2));
    expect(after.has('xl/worksheets/sheet1.xml')).toBe(true);
    expect((await sheetsOf(gen2)).filter((s) => s.name.startsWith('检查结果'))).toHaveLength(1);
    expect(changedSince(snap)).toEqual([]);
  });
});

describe('our own output, again and again', () => {
  it('three generations keep one set of tabs, the user parts, and the styles from growing', async () => {
    const w = workbookWith();
    await w.ready;
    const gens = [w.input];
    for (let i = 1; i <= 3; i++) {
      gens.push(join(w.dir, `gen${i}.xlsx`));
      const r = await cli('check', gens[i - 1], '--as-of', '2017-07-15', '--out', gens[i], '--quiet');
      expect(r.code).toBe(1);
    }
    const counts = await Promise.all(
      gens.slice(1).map(async (g) => {
        const styles = (await partBytes(readFileSync(g))).get('xl/styles.xml')!.toString();
        return ['fonts', 'cellXfs', 'fills', 'numFmts'].map((t) => Number(new RegExp(`<${t} count="(\\d+)"`).exec(styles)![1]));
      }),
    );
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    const names = (await sheetsOf(gens[3])).map((s) => s.name);
    expect(names.filter((n) => n === '检查结果')).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('检查结果('))).toEqual([]);
    const original = await partBytes(readFileSync(w.input));
    const third = await partBytes(readFileSync(gens[3]));
    for (const [name, data] of original) {
      if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'].includes(name)) continue;
      expect({ name, same: third.get(name)?.equals(data) }).toEqual({ name, same: true });
    }
    // The 检查记录 log has one line per run.
    const log = (await readXlsx(new Uint8Array(readFileSync(gens[3])), 'x')).workbook.sheets.find((s) => s.name === '检查记录')!;
    expect(log.rows.filter((r) => typeof r[0] === 'string' && /^\d{4}-\d{2}-\d{2} /.test(r[0] as string))).toHaveLength(3);
  });

  it('writes cell text that looks like a formula as text in every tab', async () => {
    const w = workbookWith(responsibilityRows((rows) => ((rows[3][5] = '=HYPERLINK("http://evil","点我")'), (rows[3][6] = '尽快'))));
    await w.ready;
    const out = join(w.dir, 'out.xlsx');
    await cli('check', w.input, '--as-of', '2017-07-15', '--out', out, '--quiet');
    const original = await partBytes(readFileSync(w.input));
    for (const [name, data] of await partBytes(readFileSync(out))) {
      if (original.has(name) || !name.startsWith('xl/worksheets/')) continue;
      expect(data.toString()).not.toMatch(/<(\w+:)?f[ >]/);
    }
  });
});

describe('a Strict OOXML workbook', () => {
  it('gets our tabs in its own namespaces, twice over, and opens in LibreOffice', async () => {
    const dir = tempDir();
    const input = join(dir, 'strict.xlsx');
    writeFileSync(input, book(twoTownships({ strict: true, shared: true })));
    const gen1 = join(dir, 'gen1.xlsx');
    const gen2 = join(dir, 'gen2.xlsx');
    for (const [from, to] of [[input, gen1], [gen1, gen2]]) expect([0, 1]).toContain((await cli('check', from, '--out', to, '--quiet')).code);
    const names = (await sheetsOf(gen2)).map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['甲', '乙']);
    expect(names.filter((n) => n.startsWith('检查结果'))).toEqual(['检查结果']);
    const original = await partBytes(readFileSync(input));
    for (const [name, data] of await partBytes(readFileSync(gen2))) {
      if (original.has(name) && name !== 'xl/workbook.xml' && name !== 'xl/_rels/workbook.xml.rels' && name !== 'xl/styles.xml') continue;
      expect({ name, transitional: /schemas\.openxmlformats\.org\/(spreadsheetml|officeDocument|drawingml)/.test(data.toString()) }).toEqual({ name, transitional: false });
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, gen2], { stdio: 'pipe', timeout: 180_000 });
    expect(readFileSync(join(dir, 'gen2-检查结果.csv'), 'utf8')).toContain('检查结果');
    expect(existsSync(join(dir, 'gen2-甲.csv'))).toBe(true);
  });
});

describe('hostile packages stay bounded', () => {
  async function withMerges(refs: string[]): Promise<string> {
    const dir = tempDir();
    const file = join(dir, 'merges.xlsx');
    writeFileSync(file, await xlsxFrom([{ name: '帮扶', rows: aidRows() }]));
    await editPart(file, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '').replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`),
    );
    writeFileSync(join(dir, 's.json'), JSON.stringify(AID_WINDOW));
    return file;
  }

  it.each([
    ['200 merged areas spanning whole columns', (i: number) => `${columnLetter(i + 14)}1:${columnLetter(i + 14)}1048576`],
    ['200 merged areas of 90,000 rows each', (i: number) => `${columnLetter(i + 14)}1:${columnLetter(i + 14)}90000`],
    ['200 merged bands across every column', (i: number) => `A${i * 5000 + 10}:XFD${i * 5000 + 5009}`],
  ])('%s', async (_name, ref) => {
    const file = await withMerges(Array.from({ length: 200 }, (_, i) => ref(i)));
    const snap = snapshot([file]);
    const out = file.replace('.xlsx', '-out.xlsx');
    const r = await runCli(['check', file, '--config', join(file, '..', 's.json'), '--out', out, '--quiet']);
    expectBounded(r);
    expect([0, 1]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(changedSince(snap)).toEqual([]);
  });

  it.each([
    ['an external entity (XXE)', '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
    ['a billion laughs', `<!DOCTYPE w [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>`],
  ])('refuses %s in the workbook part with exit 2, leaving nothing behind', async (_name, doctype) => {
    const dir = tempDir();
    const file = join(dir, 'in.xlsx');
    writeFileSync(file, await xlsxFrom([{ name: '分解表', rows: responsibilityRows() }]));
    await editPart(file, 'xl/workbook.xml', (xml) => xml.replace(/^(<\?xml[^>]*\?>\s*)/, `$1${doctype}`).replace('name="分解表"', 'name="&j;"'));
    const snap = snapshot([file]);
    const r = await runCli(['check', file, '--out', join(dir, 'out.xlsx')]);
    expectBounded(r);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain('root:');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
    expect(changedSince(snap)).toEqual([]);
    expect(tempFilesLeft(dir)).toEqual([]);
  });

  it('never writes a part named ../../ outside the package (zip-slip)', async () => {
    const dir = tempDir();
    const file = join(dir, 'in.xlsx');
    const zip = await JSZip.loadAsync(await xlsxFrom([{ name: '分解表', rows: responsibilityRows() }]));
    zip.file('../../slipped.txt', 'x');
    zip.file('xl/../../../slipped2.txt', 'x');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await runCli(['check', file, '--as-of', '2017-07-15', '--out', join(dir, 'out.xlsx'), '--quiet'], { cwd: dir });
    expectBounded(r);
    expect(existsSync(join(dir, '..', 'slipped.txt'))).toBe(false);
    expect(existsSync(join(dir, '..', '..', 'slipped.txt'))).toBe(false);
    expect(existsSync(join(dir, '..', '..', 'slipped2.txt'))).toBe(false);
  });
});
