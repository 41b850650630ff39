import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');

describe('npm run build', () => {
  it('produces the task pane and command pages, icons and a manifest for the production URL', () => {
    const out = tempDir();
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: ROOT,
      env: { ...process.env, LEDGERCHECK_DIST: out, ADDIN_URL: 'https://ledgercheck.example.cn/addin' },
      stdio: 'pipe',
      timeout: 240_000,
    });
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'help.html', 'message.html', 'manifest.xml', 'assets']));
    const pane = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(pane).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    // The default build keeps the CDN: no local copy of office.js (that is npm run build:intranet).
    expect(files).not.toContain('office-js');
    const paneJs = pane.match(/src="?(taskpane\.[0-9a-f]+\.js)/)![1];
    expect(files).toContain(paneJs);
    expect(readFileSync(join(out, 'commands.html'), 'utf8')).toMatch(/commands\.[0-9a-f]+\.js/);
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://ledgercheck.example.cn/addin/taskpane.html');
    expect(manifest).toContain('<AppDomain>https://ledgercheck.example.cn</AppDomain>');
    expect(readdirSync(join(out, 'assets')).sort()).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    // The region tables ship as codes only, not with their names.
    const js = readFileSync(join(out, paneJs), 'utf8');
    expect(js).toContain('371523');
    expect(js).not.toContain('茌平县');
  });
});
