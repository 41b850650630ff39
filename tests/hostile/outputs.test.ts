import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { cli } from '../helpers/cli';
import { aidRows, AID_WINDOW } from '../helpers/grid';
import { xlsxFrom } from '../helpers/fixtures';
import { changedSince, expectBounded, runCli, snapshot, tempDir, tempFilesLeft } from './harness';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'samples', '创城目标任务分解表-2017.xlsx');

/** A folder holding a copy of the sample and a settings file. */
function workspace() {
  const dir = tempDir();
  const input = join(dir, 'in.xlsx');
  copyFileSync(SAMPLE, input);
  const config = join(dir, 'settings.json');
  writeFileSync(config, JSON.stringify({ asOf: '2017-07-15' }));
  return { dir, input, config, snap: snapshot([input, config]) };
}

describe('no output ever replaces an input, the settings or the other output', () => {
  const cases: Array<[string, (w: ReturnType<typeof workspace>) => string[], RegExp]> = [
    ['--json onto the input', (w) => ['check', w.input, '--json', w.input], /--json 不能覆盖输入文件/],
    ['--json onto the input through a symlink', (w) => (symlinkSync(w.input, join(w.dir, 'link.json')), ['check', w.input, '--json', join(w.dir, 'link.json')]), /--json 不能覆盖输入文件 .*in\.xlsx（.*link\.json 指向它）/],
    ['--out onto the input through a hard link', (w) => (linkSync(w.input, join(w.dir, 'hard.xlsx')), ['check', w.input, '--out', join(w.dir, 'hard.xlsx')]), /--out 不能覆盖输入文件/],
    ['--out onto the input through ../', (w) => ['check', w.input, '--out', join(w.dir, '..', w.dir.split('/').pop()!, 'in.xlsx')], /--out 不能覆盖输入文件/],
    ['--out onto the input through a linked folder', (w) => (symlinkSync(w.dir, join(w.dir, 'again')), ['check', w.input, '--out', join(w.dir, 'again', 'in.xlsx')]), /--out 不能覆盖输入文件/],
    ['--out onto the settings file', (w) => ['check', w.input, '--config', w.config, '--out', w.config], /--out 不能覆盖设置文件/],
    ['--json onto the settings file', (w) => ['check', w.input, '--config', w.config, '--json', w.config], /--json 不能覆盖设置文件/],
    ['--json equal to --out', (w) => ['check', w.input, '--out', join(w.dir, 'o.xlsx'), '--json', join(w.dir, 'o.xlsx')], /--out 和 --json 指向同一个文件/],
  ];
  it.each(cases)('refuses %s with a one-line reason, touching nothing', async (_name, argv, reason) => {
    const w = workspace();
    const r = await cli(...argv(w));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(changedSince(w.snap)).toEqual([]);
    expect(tempFilesLeft(w.dir)).toEqual([]);
    expect(readdirSync(w.dir).filter((f) => f.startsWith('o.'))).toEqual([]);
  });

  it('keeps a link a link: --out through a symlink writes the file it points to', async () => {
    const w = workspace();
    const real = join(w.dir, 'real.xlsx');
    writeFileSync(real, 'old');
    symlinkSync(real, join(w.dir, 'via.xlsx'));
    const r = await cli('check', w.input, '--out', join(w.dir, 'via.xlsx'), '--quiet');
    expect(r.code).toBe(1);
    expect(readFileSync(real).subarray(0, 2).toString()).toBe('PK');
    expect(execFileSync('readlink', [join(w.dir, 'via.xlsx')]).toString().trim()).toBe(real);
    expect(changedSince(w.snap)).toEqual([]);
  });
});

describe('special files are written through, never replaced', () => {
  it('--json - writes the report to standard output and nothing else', async () => {
    const w = workspace();
    const r = await runCli(['check', w.input, '--as-of', '2017-07-15', '--json', '-']);
    expectBounded(r);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(readdirSync(w.dir).sort()).toEqual(['in.xlsx', 'settings.json']);
  });

  it('writes through a FIFO and /dev/null, leaving the device node in place', async () => {
    const w = workspace();
    const fifo = join(w.dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      const { spawn } = require('node:child_process') as typeof import('node:child_process');
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      cat.on('close', () => resolve(text));
    });
    const r = await runCli(['check', w.input, '--as-of', '2017-07-15', '--json', fifo, '--out', '/dev/null', '--quiet']);
    expectBounded(r);
    expect(r.code).toBe(1);
    expect(JSON.parse(await reader).tool.name).toBe('ledgercheck');
    expect(execFileSync('stat', ['-c', '%F', fifo]).toString().trim()).toBe('fifo');
    expect(execFileSync('stat', ['-c', '%F', '/dev/null']).toString().trim()).toBe('character special file');
    expect(tempFilesLeft(w.dir)).toEqual([]);
    expect(readdirSync('/dev').filter((f) => f.startsWith('.null'))).toEqual([]);
  });
});

describe('interrupted while writing', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('removes the hidden partial copy on %s', async (signal) => {
    const w = workspace();
    const out = join(w.dir, 'copy.xlsx');
    const r = await runCli(['check', w.input, '--as-of', '2017-07-15', '--out', out, '--quiet'], {
      env: { LC_STALL_RENAME: '1' },
      onStderr: (text, child) => {
        if (!text.includes('STALLED')) return;
        // The partial file exists now, beside the output.
        expect(tempFilesLeft(w.dir)).toHaveLength(1);
        child.kill(signal);
      },
    });
    expect(r.signal).toBe(signal);
    expect(tempFilesLeft(w.dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(changedSince(w.snap)).toEqual([]);
  });
});

describe('the kind of workbook decides the copy extension', () => {
  it('refuses to write the copy of an .xlsm under .xlsx, naming the extension to use', async () => {
    const w = workspace();
    const zip = await JSZip.loadAsync(readFileSync(w.input));
    const ct = (await zip.file('[Content_Types].xml')!.async('string')).replace('spreadsheetml.sheet.main+xml', 'PLACEHOLDER');
    zip.file('[Content_Types].xml', ct.replace('application/vnd.openxmlformats-officedocument.PLACEHOLDER', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
    const xlsm = join(w.dir, 'macro.xlsm');
    writeFileSync(xlsm, await zip.generateAsync({ type: 'nodebuffer' }));
    const refused = await cli('check', xlsm, '--out', join(w.dir, 'copy.xlsx'));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--out ' + join(w.dir, 'copy.xlsm'));
    expect(existsSync(join(w.dir, 'copy.xlsx'))).toBe(false);
    const ok = await cli('check', xlsm, '--out', join(w.dir, 'copy.xlsm'), '--quiet');
    expect(ok.code).toBe(1);
    const copy = await JSZip.loadAsync(readFileSync(join(w.dir, 'copy.xlsm')));
    expect(await copy.file('[Content_Types].xml')!.async('string')).toContain('macroEnabled.main+xml');
  });
});

describe('the same file named twice', () => {
  it('is read once, and the command says so', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.xlsx');
    writeFileSync(a, await xlsxFrom([{ name: '帮扶', rows: aidRows() }]));
    symlinkSync(a, join(dir, 'b.xlsx'));
    const settings = join(dir, 's.json');
    writeFileSync(settings, JSON.stringify(AID_WINDOW));
    const once = await cli('check', a, '--config', settings, '--json', join(dir, 'once.json'), '--quiet');
    const twice = await cli('check', a, join(dir, 'b.xlsx'), join(dir, '.', 'a.xlsx'), '--config', settings, '--json', join(dir, 'twice.json'), '--quiet');
    expect(twice.code).toBe(once.code);
    expect(twice.stderr.trim().split('\n')).toEqual([`${join(dir, 'b.xlsx')} 与 ${a} 是同一个文件，只读一次`, `${join(dir, '.', 'a.xlsx')} 与 ${a} 是同一个文件，只读一次`]);
    const [r1, r2] = ['once.json', 'twice.json'].map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect(r2.aid.total).toEqual(r1.aid.total);
    expect(r2.findings).toHaveLength(r1.findings.length);
  });
});
