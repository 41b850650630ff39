// npm run screenshots: pictures of the layout for the README, so anyone can see it without Excel.
//  - the task pane at 320 px (as narrow as Excel makes it), through the playground, in Debian's
//    Chromium (playwright-core, /usr/bin/chromium; no downloaded browser);
//  - the 检查结果 tab as LibreOffice prints it on A4, and 测评汇总 on A3 (soffice → PDF → pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlayground, launch } from '../e2e/browser';

const { serve } = require('./serve.js') as { serve(dir: string, port?: number): Promise<{ url: string; close(): Promise<void> }> };

const ROOT = join(__dirname, '..');
const DOCS = join(ROOT, 'docs');
const SAMPLE = join(ROOT, 'assets', 'samples', '创城目标任务分解表-2017.xlsx');
const BALLOT_SAMPLE = join(ROOT, 'assets', 'samples', '党组织书记述职评议测评-2017.xlsx');

async function pane(): Promise<void> {
  const server = await serve(buildPlayground());
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 4200 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}?pane=320`);
    // The pane's own content (its <main> and the pane's padding), as tall as it is.
    const main = page.getByTestId('task-pane').locator('main');
    const pane = {
      screenshot: async ({ path }: { path: string }) => {
        const b = (await main.boundingBox())!;
        await page.screenshot({ path, clip: { x: b.x - 12, y: Math.max(0, b.y - 12), width: b.width + 24, height: b.height + 24 } });
      },
    };
    await page.getByRole('button', { name: '一键检查' }).click();
    await page.getByText('有 8 个错误').waitFor();
    await pane.screenshot({ path: join(DOCS, 'pane-320-findings.png') });
    await page.getByRole('tab', { name: '单位得分' }).click();
    await pane.screenshot({ path: join(DOCS, 'pane-320-units.png') });
    await page.getByRole('tab', { name: '设置' }).click();
    await page.getByRole('button', { name: '保存设置' }).waitFor();
    await pane.screenshot({ path: join(DOCS, 'pane-320-settings.png') });
    await page.getByRole('button', { name: '样例：帮扶救助台账' }).click();
    await page.getByRole('tab', { name: '侯营镇', exact: true }).waitFor();
    await page.getByRole('button', { name: '一键检查' }).click();
    await page.getByText(/有 \d+ 个错误/).waitFor();
    await page.getByRole('tab', { name: '帮扶汇总', exact: true }).last().click();
    await pane.screenshot({ path: join(DOCS, 'pane-320-aid.png') });
    await page.getByRole('button', { name: '样例：述职评议测评票' }).click();
    await page.getByRole('tab', { name: '测评票', exact: true }).waitFor();
    await page.getByRole('button', { name: '一键检查' }).click();
    await page.getByText(/有 \d+ 个错误/).waitFor();
    await page.getByRole('tab', { name: '测评结果', exact: true }).click();
    await pane.screenshot({ path: join(DOCS, 'pane-320-ballot.png') });
    // A file that is not a workbook: the page says so in place of the workbook.
    await page.locator('input[type=file]').setInputFiles({ name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是表格') });
    await page.getByText('无法打开 坏文件.xlsx').waitFor();
    await page.setViewportSize({ width: 1000, height: 360 });
    await page.screenshot({ path: join(DOCS, 'playground-broken-file.png') });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The page of the checked copy of `sample` that starts with `title`, as LibreOffice prints it, into docs/`png`. */
function renderTab(sample: string, args: string[], title: string, png: string, dpi = 90): void {
  const dir = mkdtempSync(join(tmpdir(), 'ledgercheck-shots-'));
  const copy = join(dir, 'checked.xlsx');
  try {
    execFileSync(process.execPath, [join(ROOT, 'bin', 'ledgercheck.js'), 'check', sample, ...args, '--out', copy, '--quiet'], { stdio: 'pipe' });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, copy], { stdio: 'pipe', timeout: 180_000 });
  const pdf = join(dir, 'checked.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString();
    if (!text.trimStart().startsWith(title)) continue;
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(p), '-l', String(p), '-singlefile', pdf, join(dir, 'page')]);
    renameSync(join(dir, 'page.png'), join(DOCS, png));
    return;
  }
  throw new Error(`no page of ${pdf} starts with ${title}: ${readdirSync(dir).join(', ')}`);
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  renderTab(SAMPLE, ['--as-of', '2017-07-15'], '检查结果', 'findings-tab-a4.png');
  console.log('docs/findings-tab-a4.png');
  renderTab(BALLOT_SAMPLE, [], '测评结果汇总', 'ballot-tab-a3.png', 72);
  console.log('docs/ballot-tab-a3.png');
  await pane();
  console.log('docs/pane-320-{findings,units,settings,aid,ballot}.png, docs/playground-broken-file.png');
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
