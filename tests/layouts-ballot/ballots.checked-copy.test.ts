/**
 * The checked copy (--out) of every correct one-file ballot workbook, read back by openpyxl: the
 * user's sheets unchanged, 测评汇总 one row per person in rank order with the spec's tally, and
 * 约谈名单 exactly the persons to interview with the items that pulled them down.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli';
import { Case, makeCorpus } from './corpus';

type Cell = string | number | boolean | null;
type Book = Record<string, Cell[][]>;

const CORPUS = makeCorpus();
const CASES = CORPUS.cases.filter((c) => c.correct && c.files.length === 1 && c.ballot);
const OUT = tempDir();
const copyOf = (c: Case) => join(OUT, `${c.name}.checked.xlsx`);
const codes = new Map<string, number>();
let books: Record<string, Book> = {};

beforeAll(async () => {
  for (const c of CASES) {
    const settings = c.settingsFile ? ['-c', join(CORPUS.dir, c.settingsFile)] : [];
    codes.set(c.name, (await cli('check', join(CORPUS.dir, c.files[0]), '--out', copyOf(c), ...settings)).code);
  }
  const paths = [...CASES.map((c) => join(CORPUS.dir, c.files[0])), ...CASES.filter((c) => codes.get(c.name) === 0).map(copyOf)];
  books = JSON.parse(execFileSync('/usr/bin/python3', [join(__dirname, 'dump_workbooks.py'), ...paths], { maxBuffer: 256 << 20 }).toString('utf8'));
}, 300_000);

const bare = (v: Cell) => (v === null ? '' : String(v).replace(/\s+/g, ''));
/** 姓名 as written; two persons of one name may carry their unit after it, 王伟（城关镇党委）, beside 单位. */
const nameOf = (v: Cell, unit: Cell) => bare(v).replace(`（${bare(unit)}）`, '');

/** The table under the first row holding 姓名 and 单位: its header and the rows until 姓名 is empty. */
function table(rows: Cell[][]): { col: (test: (h: string) => boolean) => number; rows: Cell[][] } {
  const h = rows.findIndex((r) => r.some((v) => bare(v) === '姓名') && r.some((v) => bare(v) === '单位'));
  if (h < 0) throw new Error('no header row with 姓名 and 单位');
  const header = rows[h].map(bare);
  const name = header.indexOf('姓名');
  const body: Cell[][] = [];
  for (const r of rows.slice(h + 1)) {
    if (bare(r[name] ?? null) === '') break;
    body.push(r);
  }
  return { col: (test) => header.findIndex(test), rows: body };
}

describe.each(CASES.map((c) => [`[${c.family.join(' + ')}] ${c.name}`, c] as const))('%s', (_name, c) => {
  const want = c.ballot!;
  const copy = () => books[copyOf(c)];

  it('the checked copy is written (exit 0) and the user’s sheets read as in the original', () => {
    expect(codes.get(c.name)).toBe(0);
    const original = books[join(CORPUS.dir, c.files[0])];
    for (const [sheet, rows] of Object.entries(original)) expect([sheet, copy()[sheet]]).toEqual([sheet, rows]);
  });

  it('测评汇总: one row per person in rank order with 有效票, each item’s counts, 总体等次 and 是否约谈', () => {
    const t = table(copy()['测评汇总']);
    const at = (r: Cell[], label: string, test: (h: string) => boolean) => {
      const i = t.col(test);
      if (i < 0) throw new Error(`测评汇总 has no column for ${label}`);
      return r[i];
    };
    const got = t.rows.map((r) => ({
      rank: at(r, '排名', (h) => h.includes('排名')),
      person: nameOf(
        at(r, '姓名', (h) => h === '姓名'),
        at(r, '单位', (h) => h === '单位'),
      ),
      unit: bare(at(r, '单位', (h) => h === '单位')),
      ballots: c.skip.includes('ballots') ? null : at(r, '有效票', (h) => h.includes('有效票')),
      counts: want.items.map((it) =>
        // the count column of an item's choice: the item's name, a separator, the choice (not a 率 column)
        want.choices.map((ch) => at(r, `${it} ${ch}`, (h) => h.startsWith(it) && !h.slice(it.length).includes('率') && h.slice(it.length).replace(/^[·\-_/:：]/, '') === ch)),
      ),
      grade: at(r, '总体等次', (h) => h.includes('等次')),
      interview: !['', '否', '0', 'false'].includes(bare(at(r, '是否约谈', (h) => h.includes('约谈')))),
    }));
    const expected = want.persons.map((p) => ({
      rank: p.rank,
      person: p.person,
      unit: p.unit ?? '',
      ballots: c.skip.includes('ballots') ? null : p.ballots,
      counts: want.items.map((it) => want.choices.map((ch) => p.counts[it]?.[ch] ?? 0)),
      grade: p.grade,
      interview: p.interview,
    }));
    expect(got).toEqual(expected);
  });

  it('约谈名单: exactly the persons to interview, in rank order, with 总体等次 and the items that pulled them down', () => {
    const t = table(copy()['约谈名单']);
    const col = (label: string, test: (h: string) => boolean) => {
      const i = t.col(test);
      if (i < 0) throw new Error(`约谈名单 has no column for ${label}`);
      return i;
    };
    const [name, unit, grade, down] = [
      col('姓名', (h) => h === '姓名'),
      col('单位', (h) => h === '单位'),
      col('总体等次', (h) => h.includes('等次')),
      col('拉低的测评项目', (h) => h.includes('拉低')),
    ];
    // the grade item itself is left out on both sides, as in the JSON test
    const items = (s: string[]) => s.filter((x) => x !== '' && x !== want.gradeItem);
    const got = t.rows.map((r) => ({ person: nameOf(r[name], r[unit]), unit: bare(r[unit]), grade: r[grade], down: items(bare(r[down]).split('、')) }));
    const expected = want.persons.filter((p) => p.interview).map((p) => ({ person: p.person, unit: p.unit ?? '', grade: p.grade, down: items(p.downItems ?? []) }));
    expect(got).toEqual(expected);
  });
});
