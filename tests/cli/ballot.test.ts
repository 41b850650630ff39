import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportSchema } from '../../src/core/report';
import { width } from '../../src/cli/text-width';
import {
  buildReviewSample,
  MASS_CHOICES,
  MASS_ITEMS,
  massCounts,
  REVIEW_BALLOTS,
  REVIEW_CHOICES,
  REVIEW_ITEMS,
  REVIEW_PLANTED_CELLS,
  REVIEW_PRESENT,
  reviewCounts,
  SECRETARIES,
  VILLAGE_SECRETARIES,
} from '../../scripts/samples/ballot';
import { cli, tempDir } from '../helpers/cli';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const REVIEW = join(SAMPLES, '党组织书记述职评议测评-2017.xlsx');
const MASS = join(SAMPLES, '村党组织书记群众评议录入表-2017.xlsx');

/** The command on a sample, with the copy, the JSON report and the console text. */
async function check(sample: string, ...more: string[]) {
  const dir = tempDir();
  const out = join(dir, 'copy.xlsx');
  const json = join(dir, 'r.json');
  const run = await cli('check', sample, '--out', out, '--json', json, ...more);
  const report = ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
  const ballot = report.ballot;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { dir, out, run, report, ballot: ballot!, wb };
}

/** A tab's body rows (from row 4) as plain values. */
function body(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n >= 4) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const key = (person: string, unit: string) => `${person}（${unit}）`;

describe('ledgercheck check on the 述职评议 sample (ticked grids stacked, and the office’s 计票表)', () => {
  let r: Awaited<ReturnType<typeof check>>;
  beforeAll(async () => {
    await buildReviewSample(); // records where each planted mistake sits
    r = await check(REVIEW);
  });

  it('finds each planted mistake once, at its cell, and nothing else', () => {
    expect(r.run.code).toBe(1);
    const ballotFindings = r.report.findings.filter((f) => f.rule.startsWith('ballot.'));
    expect(ballotFindings.map((f) => f.rule).sort()).toEqual(Object.keys(REVIEW_PLANTED_CELLS).sort());
    for (const f of ballotFindings) {
      const planted = REVIEW_PLANTED_CELLS[f.rule];
      // person-missing is said at the ballot's header: its row is the planted one.
      if (f.rule === 'ballot.person-missing') expect(`${f.sheet}!${f.cell.replace(/^[A-Z]+/, '')}`).toBe(planted.replace(/![A-Z]+/, '!'));
      else expect(`${f.sheet}!${f.cell}`).toBe(planted);
    }
    expect(r.report.findings.filter((f) => !f.rule.startsWith('ballot.'))).toEqual([]);
  });

  it('tallies every person, item and choice as the ballots were designed (valid marks only)', () => {
    expect(r.ballot.items).toEqual(REVIEW_ITEMS);
    expect(r.ballot.choices).toEqual(REVIEW_CHOICES);
    expect([r.ballot.present, r.ballot.cast, r.ballot.blank]).toEqual([REVIEW_PRESENT, REVIEW_BALLOTS, 1]);
    const designed = reviewCounts();
    const got = new Map(r.ballot.persons.map((p) => [key(p.person, p.unit), p]));
    expect(got.size).toBe(SECRETARIES.length);
    SECRETARIES.forEach((s, p) => {
      const person = got.get(key(s.name, s.unit))!;
      REVIEW_ITEMS.forEach((item, i) => expect([s.name, item, REVIEW_CHOICES.map((c) => person.counts[item][c])]).toEqual([s.name, item, designed[p][i]]));
      // 好票率 is 好 over the valid marks on 总体评价.
      const overall = designed[p][4];
      expect(person.goodRate).toBeCloseTo(overall[0] / overall.reduce((a, b) => a + b, 0), 10);
    });
  });

  it('ranks by 好票率 with the designed tie, and lists 一般 and 差 for 约谈', () => {
    const ranks = Object.fromEntries(r.ballot.persons.map((p) => [key(p.person, p.unit), p.rank]));
    expect(ranks[key('杨德明', '区疾病预防控制中心党支部')]).toBe(5);
    expect(ranks[key('赵金海', '区卫生监督所党支部')]).toBe(5);
    expect(Object.values(ranks)).not.toContain(6);
    expect(r.ballot.persons.filter((p) => p.interview).map((p) => [p.person, p.grade])).toEqual([
      ['孙长山', '一般'],
      ['郑宝山', '差'],
    ]);
    expect(r.ballot.persons.find((p) => p.person === '孙长山')!.downItems).not.toContain('廉政勤政');
  });

  it('writes 测评汇总 and 约谈名单 into the copy, matching the JSON person by person', () => {
    const rows = body(r.wb, '测评汇总');
    expect(rows).toHaveLength(SECRETARIES.length);
    const header = (r.wb.getWorksheet('测评汇总')!.getRow(3).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h);
    r.ballot.persons.forEach((p, i) => {
      expect(rows[i][col('排名')]).toBe(p.rank);
      expect(rows[i][col('单位')]).toBe(p.unit);
      expect(rows[i][col('总体评价·差')]).toBe(p.counts['总体评价']['差']);
      expect(rows[i][col('总体等次')]).toBe(p.grade);
    });
    expect(body(r.wb, '约谈名单').map((row) => [row[0], row[2]])).toEqual([
      ['孙长山', '一般'],
      ['郑宝山', '差'],
    ]);
  });

  it('prints the ballot section in 100 columns, Chinese first, English with --lang en', async () => {
    expect(r.run.stdout).toContain('测评汇总：12 人；实到 60 人，收回测评票 60 张（废票 1 张）；总体等次按“总体评价”');
    expect(r.run.stdout).toContain('约谈名单（2 人，总体等次一般、差）：');
    expect(r.run.stdout.split('\n').filter((l) => width(l) > 100)).toEqual([]);
    const en = await cli('check', REVIEW, '--lang', 'en', '--all');
    expect(en.stdout).toContain('Ballots: 12 persons; 60 present, 60 ballots cast (1 blank)');
    expect(en.stdout.split('\n').filter((l) => width(l) > 100)).toEqual([]);
  });

  it('opens in LibreOffice, which prints 测评汇总 with its chart', () => {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(r.dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', r.dir, r.out], { stdio: 'pipe', timeout: 180_000 });
    const text = execFileSync('pdftotext', [join(r.dir, 'copy.pdf'), '-']).toString();
    expect(text).toContain('测评结果汇总（12 人，按排名）');
    expect(text).toContain('总体评价：各人好 / 较好 / 一般 / 差票数');
    expect(text).toContain('约谈名单');
  });
});

describe('ledgercheck check on the 群众评议 entry sheet (满意 / 基本满意 / 不满意)', () => {
  it('is ready to submit with no finding, and tallies and grades with the sheet’s own words', async () => {
    const r = await check(MASS);
    expect(r.run.code).toBe(0);
    expect(r.report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.ballot.choices).toEqual(MASS_CHOICES);
    const designed = massCounts();
    VILLAGE_SECRETARIES.forEach((s, p) => {
      const person = r.ballot.persons.find((x) => x.person === s.name && x.unit === s.unit)!;
      MASS_ITEMS.forEach((item, i) => expect(MASS_CHOICES.map((c) => person.counts[item][c])).toEqual(designed[p][i]));
    });
    expect(r.ballot.persons.filter((p) => p.interview).map((p) => [p.person, p.grade])).toEqual([['梁金山', '不满意']]);
    const header = (r.wb.getWorksheet('测评汇总')!.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('总体评价·满意+基本满意率');
    expect(body(r.wb, '约谈名单').map((row) => row[0])).toEqual(['梁金山']);
  });
});
