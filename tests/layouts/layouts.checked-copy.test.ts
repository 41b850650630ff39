/**
 * The checked copy (--out) of every corpus workbook, written into packages another producer made
 * (openpyxl declares namespaces per element, writes its own styles): LibreOffice must open it, and
 * every sheet of the user's must read exactly as in the original.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli';
import { makeCorpus } from './corpus';

const CORPUS = makeCorpus();
const OUT = tempDir();
const CSV = join(OUT, 'csv');
const checked = (file: string) => file.replace(/\.xlsx$/, '.checked.xlsx');
const codes = new Map<string, number>();

beforeAll(async () => {
  for (const w of CORPUS.workbooks) {
    const r = await cli('check', join(CORPUS.dir, w.file), '--out', join(OUT, checked(w.file)), ...w.args);
    codes.set(w.file, r.code);
  }
  // Every sheet to its own CSV (the trailing -1), originals and copies in one LibreOffice run.
  const files = CORPUS.workbooks.flatMap((w) => [join(CORPUS.dir, w.file), join(OUT, checked(w.file))]);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(OUT, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', CSV, ...files], { stdio: 'pipe', timeout: 600_000 });
}, 900_000);

describe.each(CORPUS.workbooks.map((w) => [`[${w.family.join(' + ')}] ${w.file}`, w.file] as const))('%s', (_name, file) => {
  it('the checked copy is written (exit 0 or 1), LibreOffice opens it, and the user’s sheets are unchanged', () => {
    expect(codes.get(file)).toBeLessThanOrEqual(1);
    const stem = file.replace(/\.xlsx$/, '');
    const made = readdirSync(CSV);
    const originals = made.filter((f) => f.startsWith(`${stem}-`));
    expect(originals.length).toBeGreaterThan(0);
    const copies = made.filter((f) => f.startsWith(`${stem}.checked-`));
    expect({ libreOfficeOpensTheCopy: copies.length > 0 }).toEqual({ libreOfficeOpensTheCopy: true });
    expect(copies.length).toBeGreaterThan(originals.length); // ours are added, none of the user's lost
    for (const f of originals) {
      const copy = f.replace(`${stem}-`, `${stem}.checked-`);
      expect([copy, copies.includes(copy)]).toEqual([copy, true]);
      expect(readFileSync(join(CSV, copy), 'utf8')).toBe(readFileSync(join(CSV, f), 'utf8'));
    }
  });
});
