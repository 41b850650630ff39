/**
 * The built command line reads a big book's sheets on a second thread (src/cli/sheet-thread.ts).
 * What that thread cannot do as the main thread would — a sheet whose rows go backwards, a damaged
 * part, the main thread's own shared strings failing meanwhile — must end exactly as the one-thread
 * reading ends: the same report, or the same one-line reason, word for word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { AID_WINDOW } from '../helpers/grid';
import { runBuilt, runInProcess, staleBundle } from '../helpers/built-cli';
import { Book, bookParts, Part, twoTownships, zipParts } from '../hostile/packages';

const WORK = mkdtempSync(join(tmpdir(), 'ledgercheck-thread-'));
const SETTINGS = join(WORK, 'settings.json');
writeFileSync(SETTINGS, JSON.stringify(AID_WINDOW));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

beforeAll(() => {
  const stale = staleBundle();
  if (stale) throw new Error(`the built command line is not the code under test: ${stale}. Run \`npm run build:cli\` (npm test does) first.`);
});

/** Three township tabs (the second twice over), shared strings. */
function threeTabs(): Book {
  const b = twoTownships({ shared: true });
  return { ...b, sheets: [b.sheets[0], b.sheets[1], { name: '丙', xml: b.sheets[0].xml }] };
}

/** A sheet's rows in reverse order (a row number going back): the sheet thread hands it back. */
const rowsReversed = (xml: string) => {
  const rows = xml.match(/<row [^>]*>.*?<\/row>/g)!;
  return xml.replace(rows.join(''), [...rows].reverse().join(''));
};

/** The part as written, its declared CRC off by one bit: it fails its CRC check once inflated. */
function damaged(name: string): (parts: Part[]) => Part[] {
  return (parts) =>
    parts.map((p) => {
      if (p.name !== name) return p;
      const raw = Buffer.from(p.data as string, 'utf8');
      return { ...p, deflated: { body: deflateRawSync(raw), size: raw.length, crc: (crc32(raw) ^ 1) >>> 0 } };
    });
}

async function same(file: string, book: Buffer): Promise<Awaited<ReturnType<typeof runInProcess>>> {
  const path = join(WORK, file);
  writeFileSync(path, book);
  const argv = ['check', path, '--config', SETTINGS, '--as-of', '2017-07-15', '--json', '-'];
  const child = await runBuilt(argv);
  const here = await runInProcess(argv);
  expect(child).toEqual(here);
  return here;
}

describe('the sheet thread ends as the one-thread reading does', () => {
  it('a sheet whose rows go backwards, between two in order: read here, the same report', async () => {
    const b = threeTabs();
    b.sheets[1] = { ...b.sheets[1], xml: rowsReversed(b.sheets[1].xml) };
    const r = await same('backwards-middle.xlsx', zipParts(bookParts(b)));
    expect(JSON.parse(r.stdout).files[0].sheets.map((s: { name: string }) => s.name)).toEqual(['甲', '乙', '丙']);
  });

  it('the first sheet backwards: the whole book read here, the same report', async () => {
    const b = threeTabs();
    b.sheets[0] = { ...b.sheets[0], xml: rowsReversed(b.sheets[0].xml) };
    const r = await same('backwards-first.xlsx', zipParts(bookParts(b)));
    expect(JSON.parse(r.stdout).summary).toBeDefined();
  });

  it('a damaged second sheet: exit 2, the same reason naming the part', async () => {
    const r = await same('damaged-sheet.xlsx', zipParts(bookParts({ ...threeTabs(), edit: damaged('xl/worksheets/sheet2.xml') })));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xl/worksheets/sheet2.xml');
  });

  it('damaged shared strings (read by the main thread while the other reads sheets): the same reason', async () => {
    const r = await same('damaged-sst.xlsx', zipParts(bookParts({ ...threeTabs(), edit: damaged('xl/sharedStrings.xml') })));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xl/sharedStrings.xml');
  });
});
