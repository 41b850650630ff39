import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const ROOT = join(__dirname, '..');
export const SHOTS = join(ROOT, 'test-output', 'e2e');

/** Debian's Chromium, never a downloaded browser; flags keep it off the network. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export function buildPlayground(): string {
  const out = mkdtempSync(join(tmpdir(), 'ledgercheck-playground-'));
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.playground.js', '--mode', 'production'], {
    cwd: ROOT,
    env: { ...process.env, LEDGERCHECK_PLAYGROUND_DIST: out },
    stdio: 'pipe',
  });
  return out;
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch(CHROMIUM);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
