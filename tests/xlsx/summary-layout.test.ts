import JSZip from 'jszip';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, tempDir } from '../helpers/cli';
import { ReportSchema } from '../../src/core/report';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '创城目标任务分解表-2017.xlsx');

/** The copy the command line writes, as its parts. */
async function writtenCopy() {
  const dir = tempDir();
  const out = join(dir, 'copy.xlsx');
  const json = join(dir, 'r.json');
  await cli('check', SAMPLE, '--as-of', '2017-07-15', '--out', out, '--json', json, '--quiet');
  const zip = await JSZip.loadAsync(readFileSync(out));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const [name, id] = [/name="([^"]+)"/.exec(m[0])![1], /r:id="([^"]+)"/.exec(m[0])![1]];
    return { name, part: 'xl/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/xl\//, '') };
  });
  const part = async (name: string) => zip.file(sheets.find((s) => s.name === name)!.part)!.async('string');
  const styles = await zip.file('xl/styles.xml')!.async('string');
  return { wb, sheets, part, styles, report: ReportSchema.parse(JSON.parse(readFileSync(json, 'utf8'))) };
}

describe('the summary tabs as a supervisor opens and prints them', () => {
  let copy: Awaited<ReturnType<typeof writtenCopy>>;
  beforeAll(async () => {
    copy = await writtenCopy();
  });

  it('opens on 检查结果, and only 检查结果 is selected', async () => {
    const active = Number(/activeTab="(\d+)"/.exec(copy.wb)![1]);
    expect(copy.sheets[active].name).toBe('检查结果');
    const selected: string[] = [];
    for (const s of copy.sheets) if (/<sheetView\b[^>]*tabSelected="(1|true)"/.test(await copy.part(s.name))) selected.push(s.name);
    expect(selected).toEqual(['检查结果']);
  });

  it('prints 检查结果 one A4 landscape page wide, header repeated, long text wrapped in taller rows', async () => {
    const xml = await copy.part('检查结果');
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/);
    const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${copy.sheets.findIndex((s) => s.name === '检查结果')}">'?检查结果'?!\\$3:\\$3<`);
    expect(copy.wb).toMatch(titles);
    // Columns add up to about one landscape page at ~95%, so the print is not shrunk to 6 pt.
    const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
    const headers = [.../<row r="3"[^>]*>([\s\S]*?)<\/row>/.exec(xml)![1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(headers).toEqual(['级别', '问题', '工作表', '单元格', '列', '单元格的值', '说明', '怎么改']);
    // The I23 row (说明 and a long 怎么改) is taller than one line.
    const i23 = /<row r="\d+" ht="([\d.]+)" customHeight="1">(?:(?!<\/row>)[\s\S])*?>I23</.exec(xml);
    expect(Number(i23![1])).toBeGreaterThan(16.5);
    // The subtitle (file name, date) spans the table, so the file name is never cut.
    expect(xml).toMatch(/<mergeCell ref="A2:H2"\/>/);
  });

  it('colours error rows red and warning rows yellow', async () => {
    const xml = await copy.part('检查结果');
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(copy.styles)![1].match(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
    const fills = /<fills[^>]*>([\s\S]*?)<\/fills>/.exec(copy.styles)![1].match(/<fill>[\s\S]*?<\/fill>/g)!;
    const fillOf = (row: string) => {
      const style = Number(/<c r="A\d+" s="(\d+)"/.exec(row)![1]);
      const fillId = Number(/fillId="(\d+)"/.exec(xfs[style])![1]);
      return /fgColor rgb="(\w+)"/.exec(fills[fillId])?.[1] ?? null;
    };
    const rows = [...xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].filter((m) => Number(m[1]) >= 4);
    const bySeverity = (word: string) => new Set(rows.filter((m) => m[2].includes(`>${word}<`)).map((m) => fillOf(m[2])));
    expect([...bySeverity('错误')]).toEqual(['FFFDE2E1']);
    expect([...bySeverity('警告')]).toEqual(['FFFFF2CC']);
    expect([...bySeverity('提示')]).toEqual([null]);
  });

  it('makes 责任汇总 explain itself: points scored and items not yet scored beside 分值 and 得分', async () => {
    const xml = await copy.part('责任汇总');
    const text = (r: string) => [...r.matchAll(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>)/g)].map((m) => m[1] ?? m[2] ?? '');
    const rows = [...xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].map((m) => text(m[2]));
    const head = rows[2];
    expect(head.slice(6, 11)).toEqual(['分值', '已评分分值', '待评分', '得分', '丢分']);
    const unit = copy.report.responsibility!.units.find((u) => u.unscored > 0 && u.rate !== null)!;
    const row = rows.find((r) => r[1] === unit.unit)!;
    expect(row.slice(6, 9).map(Number)).toEqual([unit.maxPoints, unit.scoredPoints, unit.unscored]);
    expect(unit.scoredPoints).toBeLessThan(unit.maxPoints);
    expect(Number(row[11])).toBeCloseTo(unit.points / unit.scoredPoints, 3);
  });

  it('ranks tied units the same and lists them in one fixed order', () => {
    const units = copy.report.responsibility!.units.filter((u) => u.rank !== null);
    for (let i = 1; i < units.length; i++) {
      const [a, b] = [units[i - 1], units[i]];
      if (a.rate === b.rate && a.veto === b.veto) {
        expect(b.rank).toBe(a.rank);
        expect(a.scoredPoints > b.scoredPoints || (a.scoredPoints === b.scoredPoints && new Intl.Collator('zh-Hans-CN').compare(a.unit, b.unit) < 0)).toBe(true);
      } else expect(b.rank).toBe(i + 1);
    }
  });
});
