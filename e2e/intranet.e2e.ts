import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, shot } from './browser';

const { serve } = require('../scripts/serve.js') as { serve(dir: string, port?: number): Promise<{ url: string; close(): Promise<void> }> };
const OFFICE_DIR = (require('../scripts/office-js-local.js') as { targetDir(): string }).targetDir();
const ROOT = join(__dirname, '..');

/**
 * The intranet build and the playground (built the same way, beside it under /playground/), served
 * from one origin, in a browser that may reach nothing else: every request to another host is
 * aborted and remembered. One build of each for the whole file.
 */
function buildIntranet(): string {
  const out = mkdtempSync(join(tmpdir(), 'ledgercheck-intranet-'));
  const webpack = require.resolve('webpack-cli/bin/cli.js');
  const opts = { cwd: ROOT, stdio: 'pipe' as const, timeout: 600_000 };
  execFileSync(process.execPath, [webpack, '--mode', 'production', '--env', 'intranet'], { ...opts, env: { ...process.env, LEDGERCHECK_DIST: out, ADDIN_URL: 'https://ledgercheck.example.gov.cn/addin' } });
  execFileSync(process.execPath, [webpack, '--config', 'webpack.playground.js', '--mode', 'production'], { ...opts, env: { ...process.env, LEDGERCHECK_PLAYGROUND_DIST: join(out, 'playground') } });
  return out;
}

describe('the intranet build in Chromium with every other host blocked', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  const outside: string[] = [];
  const local: string[] = [];

  beforeAll(async () => {
    server = await serve(buildIntranet());
    browser = await launch();
  }, 1_300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) {
        local.push(url.slice(server.url.length));
        return route.continue();
      }
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    return ctx;
  }

  /** Opens a page as Office opens it (the host tells office.js who it is in _host_Info) and waits for the files office.js must fetch. */
  async function openAsHost(page: Page, file: string, hostInfo: string, expected: string[]): Promise<void> {
    const loaded = expected.map((f) => page.waitForResponse((r) => r.url() === `${server.url}${OFFICE_DIR}/${f}`));
    await page.goto(`${server.url}${file}?_host_Info=${encodeURIComponent(hostInfo)}`);
    for (const response of await Promise.all(loaded)) expect(response.status()).toBe(200);
    // Anything office.js would fetch next (telemetry, sign-in) has had its chance before the page closes.
    await page.waitForLoadState('networkidle');
  }

  it.each([
    ['taskpane.html', 'Excel$Win32$16.01$zh-CN$$$$0', ['office.js', 'excel-win32-16.01.js', 'zh-cn/office_strings.js']],
    ['taskpane.html', 'Excel$Web$16.00$zh-CN$$$$0', ['office.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js']],
    ['taskpane.html', 'Excel$Mac$16.00$en-US$$$$0', ['office.js', 'excel-mac-16.00.js', 'en-us/office_strings.js']],
    ['commands.html', 'Excel$Win32$16.01$zh-CN$$$$0', ['office.js', 'excel-win32-16.01.js', 'zh-cn/office_strings.js']],
  ])('%s as Excel (%s) gets office.js and its host files from this server', async (file, hostInfo, expected) => {
    const ctx = await context();
    const page = await ctx.newPage();
    await openAsHost(page, file, hostInfo, expected);
    await ctx.close();
  });

  it('renders the pane and runs 一键检查 on the in-memory workbook', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${server.url}playground/index.html`);
    await page.getByRole('button', { name: '一键检查' }).click();
    // The exact findings are the playground tests' business; here: the check ran to its verdict and wrote its tabs.
    await page.getByText(/有 \d+ 个错误/).waitFor();
    await page.getByRole('tab', { name: '检查结果', exact: true }).waitFor();
    await shot(page, 'intranet-01-verdict');
    await ctx.close();
  });

  it('attempted no request to any other host', () => {
    expect(local).toEqual(expect.arrayContaining([`${OFFICE_DIR}/office.js`, `${OFFICE_DIR}/excel-win32-16.01.js`, 'playground/index.html']));
    expect(outside).toEqual([]);
  });
});
