import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { width } from '../../src/cli/text-width';
import { wantsColour } from '../../src/cli/console-report';
import { main } from '../../src/cli/main';
import { cli, CliRun, tempDir } from '../helpers/cli';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const RESPONSIBILITY = join(SAMPLES, '创城目标任务分解表-2017.xlsx');
const AID = [join(SAMPLES, '东昌府区帮扶救助台账-2017春节.xlsx'), join(SAMPLES, '阳谷县帮扶救助台账-2017春节.xlsx')];
const AID_SETTINGS = join(SAMPLES, '帮扶检查设置.json');

async function colourCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n'), today: () => '2017-07-15', now: () => new Date(Date.UTC(2017, 6, 15, 2)), colour: true });
  return { code, stdout, stderr };
}

const lines = (s: string) => s.replace(/\n$/, '').split('\n');

describe('the console report', () => {
  it('fits every line in 100 columns, counting a Chinese character as two, in both languages', async () => {
    for (const argv of [
      [RESPONSIBILITY, '--as-of', '2017-07-15', '--all'],
      [RESPONSIBILITY, '--as-of', '2017-07-15', '--all', '--lang', 'en'],
      [...AID, '--config', AID_SETTINGS, '--all'],
      [...AID, '--config', AID_SETTINGS, '--all', '--lang', 'en'],
    ]) {
      const r = await cli('check', ...argv);
      const long = lines(r.stdout).filter((l) => width(l) > 100);
      expect(long).toEqual([]);
    }
  });

  it('groups findings under their file and sheet instead of repeating the file on every line', async () => {
    const r = await cli('check', ...AID, '--config', AID_SETTINGS, '--all');
    const out = lines(r.stdout);
    const findingLines = out.filter((l) => /^ {4}(错误|警告|提示) /.test(l));
    expect(findingLines.length).toBeGreaterThan(10);
    expect(findingLines.filter((l) => /^ {4}\S+ \S+ +东昌府区帮扶救助台账/.test(l))).toEqual([]);
    // Each file heads its findings once, each sheet once within its file.
    expect(out.filter((l) => l === '东昌府区帮扶救助台账-2017春节.xlsx')).toHaveLength(1);
    expect(out.filter((l) => l === '  工作表 侯营镇')).toHaveLength(1);
  });

  it('counts by rule in Chinese, errors before warnings, and says what to do last', async () => {
    const r = await cli('check', RESPONSIBILITY, '--as-of', '2017-07-15', '--out', join(tempDir(), 'copy.xlsx'));
    const out = lines(r.stdout);
    const start = out.indexOf('按规则统计：');
    const byRule = out.slice(start + 2, out.indexOf('', start));
    expect(byRule.length).toBeGreaterThan(3);
    expect(byRule.every((l) => !/[a-z]+\.[a-z-]+/.test(l))).toBe(true); // no rule ids
    const levels = byRule.map((l) => l.trim().slice(0, 2));
    expect(levels.lastIndexOf('错误')).toBeLessThan(levels.indexOf('警告'));
    expect(r.stdout.trim().split('\n\n').pop()!.replace(/\n/g, '')).toMatch(/^下一步：打开 .*copy\.xlsx 的“检查结果”表，按“怎么改”改正原文件，再运行一次本命令。$/);
  });

  it('shows no as-of date for an aid check, and lines the aid table up by display width', async () => {
    const r = await cli('check', ...AID, '--config', AID_SETTINGS);
    expect(r.stdout).not.toContain('截止日期');
    const out = lines(r.stdout);
    // The title, the headline (已核实 … 万元；另有 … 处金额待核实), then the table.
    const head = out.indexOf('帮扶汇总（已核实的金额，单位：元）：') + 2;
    expect(out[head - 1]).toMatch(/^  已核实 \d+ 户 [\d.]+ 万元；另有 \d+ 处金额待核实（见检查结果）$/);
    const table = out.slice(head, head + 4);
    // Right-aligned: every column ends where its header ends, and numbers never touch.
    const ends = (l: string) => [...l.matchAll(/\S+/g)].map((m) => width(l.slice(0, m.index! + m[0].length)));
    expect(ends(table[1]).slice(1)).toEqual(ends(table[0]).slice(1));
    expect(ends(table[3]).slice(1)).toEqual(ends(table[0]).slice(1));
    expect(table.every((l) => !/\d[\d,.]*\d \d/.test(l.replace(/ {2,}/g, '|')))).toBe(true);
  });

  it('colours errors red and warnings yellow on a terminal, and nothing when piped or with NO_COLOR', async () => {
    const r = await colourCli('check', RESPONSIBILITY, '--as-of', '2017-07-15');
    expect(r.stdout).toMatch(/\x1b\[31m错误\x1b\[39m I23/);
    expect(r.stdout).toMatch(/\x1b\[33m警告\x1b\[39m/);
    expect((await cli('check', RESPONSIBILITY, '--as-of', '2017-07-15')).stdout).not.toContain('\x1b[');
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(false, {})).toBe(false);
    expect(wantsColour(true, { NO_COLOR: '1' })).toBe(false);
  });

  it('prints only the verdict with --quiet', async () => {
    const r = await cli('check', RESPONSIBILITY, '--as-of', '2017-07-15', '--quiet');
    expect(r.stdout).toBe('结论：有 8 个错误，请改正后再提交（另有 14 个警告，1 个提示）\n');
  });
});

describe('command-line mistakes', () => {
  const oneLine = (r: CliRun, report = false) => {
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    if (!report) expect(r.stdout).toBe('');
    return r.stderr.trim();
  };

  it('names the flag the user typed, suggests the right one, in one language, without the usage text', async () => {
    const zh = oneLine(await cli('check', RESPONSIBILITY, '--asof', '2017-07-15'));
    expect(zh).toBe('没有 --asof 这个选项，是不是 --as-of？运行 ledgercheck --help 可查看全部选项。');
    const en = oneLine(await cli('check', RESPONSIBILITY, '--asof', '2017-07-15', '--lang', 'en'));
    expect(en).toBe('There is no option --asof; did you mean --as-of? Run ledgercheck --help for the list.');
    expect(oneLine(await cli('check', RESPONSIBILITY, '-o'))).toMatch(/^-o 后面要写一个值/);
    expect(oneLine(await cli('check', RESPONSIBILITY, '--lang', 'fr'))).toBe('--lang 只能是 zh 或 en，不能是 fr。');
  });

  it('names the flag, not the setting behind it, when a value is wrong', async () => {
    const zh = oneLine(await cli('check', ...AID, '--cap', 'abc'));
    expect(zh).toBe('--cap abc：应是数字。');
    expect(zh).not.toContain('capPerHousehold');
    expect(oneLine(await cli('check', ...AID, '--cap', '0', '--lang', 'en'))).toBe('--cap 0: must be above 0.');
    expect(oneLine(await cli('check', RESPONSIBILITY, '--as-of', '2017-02-30'))).toBe('--as-of 2017-02-30：没有这一天。');
  });

  it('never shows its temporary file name when a copy cannot be written', async () => {
    const dir = tempDir();
    const out = join(dir, 'no-such-folder', 'copy.xlsx');
    const msg = oneLine(await cli('check', RESPONSIBILITY, '--out', out), true);
    expect(msg).toBe(`无法写出 ${out}：所在的文件夹不存在。`);
    expect(msg).not.toContain('.tmp');
    mkdirSync(join(dir, 'x.xlsx'));
    expect(oneLine(await cli('check', RESPONSIBILITY, '--out', join(dir, 'x.xlsx'), '--lang', 'en'), true)).toBe(`Cannot write ${join(dir, 'x.xlsx')}: it is a folder.`);
    expect(readdirSync(dir).sort()).toEqual(['x.xlsx']);
  });

  it('explains every flag and every exit code in its help, in the language asked for', async () => {
    const zh = (await cli('--help')).stdout;
    for (const flag of ['--out', '--json', '--as-of', '--window', '--cap', '--config', '--lang', '--show-ids', '--all', '--quiet', '--help', '--version']) expect(zh).toContain(flag);
    expect(zh).toMatch(/^ {2}3 {2}程序自身出错/m);
    expect(zh).not.toMatch(/[a-z]{4,} [a-z]{4,} [a-z]{4,}/); // no English sentences in the Chinese help
    expect((await cli('--help', '--lang', 'en')).stdout).toMatch(/^ {2}3 {2}the program itself failed/m);
  });
});
