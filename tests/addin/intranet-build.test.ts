import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { tempDir } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const WEBPACK = require.resolve('webpack-cli/bin/cli.js');
const ADDIN_URL = 'https://ledgercheck.example.gov.cn/addin';
const officeJs = require('../../scripts/office-js-local.js') as { packageDir(): string; version(): string; targetDir(): string };
const OFFICE_DIR = officeJs.targetDir();

/**
 * URLs our own files may name although they are not on ADDIN_URL: none is ever fetched.
 * The XML namespace names are identifiers React DOM uses for SVG and MathML elements and the
 * manifest schema uses for its elements; React's error decoder is a link printed in its
 * production error messages.
 */
const OUR_NAMES_NOT_FETCHED = [
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/2001/XMLSchema-instance',
  'http://schemas.microsoft.com/office/appforoffice/1.1',
  'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  'https://reactjs.org/docs/error-decoder.html',
];

/**
 * Hosts Microsoft's own office.js files name, and why none of them is reached from the add-in.
 * A refreshed @microsoft/office-js that names a new host fails this test until someone has
 * looked at what the new host is for.
 */
const OFFICE_JS_HOSTS_NOT_FETCHED: Record<string, string> = {
  'docs.microsoft.com': 'a help link inside error message texts (locale strings)',
  'go.microsoft.com': 'the licence link in a comment',
  'raw.githubusercontent.com': "es6-promise's licence link in a comment",
  'support.microsoft.com': "a help link in Excel on the web's message about old browsers",
  'document.localhost': "a made-up host office.js uses to name the open document's own data; never looked up",
  'alcdn.msauth.net': "MSAL, loaded only by Office's sign-in for Microsoft's own add-ins; Ledger Check signs no one in",
  'ajax.aspnetcdn.com': 'MicrosoftAjax, loaded only by loadMsAjaxFull, which no Excel code path calls',
};

/**
 * Every URL with a host name a text names: scheme://host… anywhere, and '//host.tld…' in a string
 * (scheme-relative). Templates and patterns (`http://[${ip}]`, `https://[a-z0-9-]+`) name no host.
 */
function urlsIn(text: string): string[] {
  const full = [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[a-z0-9][^\s"'`<>()\\,;]*/gi)].map((m) => m[0]);
  const schemeRelative = [...text.matchAll(/["'`](\/\/(?:[a-z0-9-]+\.)+[a-z]{2,}[^\s"'`<>()\\,;]*)/gi)].map((m) => `https:${m[1]}`);
  return [...full, ...schemeRelative];
}

function host(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

function elements(xml: string): El[] {
  const out: El[] = [];
  const stack: El[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const el = { name: t.name, attrs: t.attributes as Record<string, string>, text: '' };
    out.push(el);
    stack.push(el);
  });
  p.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  p.on('closetag', () => stack.pop());
  p.write(xml).close();
  return out;
}

describe('npm run build:intranet', () => {
  let out: string;
  let files: string[];
  const rel = (f: string) => relative(out, f).split('\\').join('/');
  const text = (f: string) => readFileSync(f, 'utf8');

  beforeAll(() => {
    out = tempDir();
    execFileSync(process.execPath, [WEBPACK, '--mode', 'production', '--env', 'intranet'], {
      cwd: ROOT,
      env: { ...process.env, LEDGERCHECK_DIST: out, ADDIN_URL },
      stdio: 'pipe',
      timeout: 600_000,
    });
    files = filesUnder(out);
  }, 620_000);

  it('serves office.js, the Excel host files and the locale strings from dist/, unchanged from the pinned package', () => {
    const have = new Set(files.map(rel));
    const needed = ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'excel-ios-16.00.js', 'zh-cn/office_strings.js', 'zh-tw/office_strings.js', 'en-us/office_strings.js'];
    for (const f of needed) {
      expect(have).toContain(`${OFFICE_DIR}/${f}`);
      expect(readFileSync(join(out, OFFICE_DIR, f)).equals(readFileSync(join(officeJs.packageDir(), 'dist', f)))).toBe(true);
    }
    // Files for Excel builds the manifest keeps the add-in off, telemetry and sign-in stay out.
    for (const f of ['excel-win32-16.00.js', 'o15apptofilemappingtable.js', 'office.debug.js', 'word-win32-16.01.js', 'telemetry', 'ariatelemetry', 'webauth']) expect(existsSync(join(out, OFFICE_DIR, f))).toBe(false);
    expect(OFFICE_DIR).toBe(`office-js/${require('@microsoft/office-js/package.json').version}`);
  });

  it('loads office.js by relative URL on every page that uses it, and every script the pages name exists', () => {
    for (const page of ['taskpane.html', 'commands.html']) expect(text(join(out, page))).toMatch(new RegExp(`<script src="?${OFFICE_DIR}/office\\.js"?>`));
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const srcs = [...text(page).matchAll(/\b(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]);
      for (const src of srcs) {
        expect(src).not.toMatch(/^([a-z]+:|\/\/)/i);
        expect(existsSync(join(out, posix.normalize(src)))).toBe(true);
      }
    }
  });

  it('names no outside host in any page or script of ours, and no CDN anywhere', () => {
    const ours = files.filter((f) => !rel(f).startsWith('office-js/') && !f.endsWith('.png'));
    expect(ours.map(rel)).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'help.html', 'message.html', 'manifest.xml']));
    const unexpected: string[] = [];
    for (const f of ours) {
      for (const url of urlsIn(text(f))) {
        const allowed = url.startsWith(ADDIN_URL) || url === new URL(ADDIN_URL).origin || OUR_NAMES_NOT_FETCHED.some((n) => url === n || url.startsWith(`${n}?`));
        if (!allowed) unexpected.push(`${rel(f)}: ${url}`);
      }
    }
    expect(unexpected).toEqual([]);
    for (const f of files.filter((f) => !f.endsWith('.png'))) expect(text(f)).not.toMatch(/appsforoffice\.microsoft\.com|ajax\.microsoft\.com/i);
  });

  it("names, in Microsoft's office.js files, only hosts that are never reached, and no telemetry host", () => {
    const named = new Map<string, Set<string>>();
    for (const f of files.filter((f) => rel(f).startsWith('office-js/') && f.endsWith('.js'))) {
      for (const url of urlsIn(text(f))) {
        const h = host(url);
        if (!named.has(h)) named.set(h, new Set());
        named.get(h)!.add(rel(f).replace(/\/[a-z]{2,3}(-[a-z0-9]+)*\/office_strings\.js$/, '/<locale>/office_strings.js'));
      }
    }
    const unknown = [...named.keys()].filter((h) => !(h in OFFICE_JS_HOSTS_NOT_FETCHED));
    expect(unknown.map((h) => `${h} in ${[...named.get(h)!].join(', ')}`)).toEqual([]);
    // The telemetry endpoints live in the files left out (telemetry/, ariatelemetry/, the O15 files).
    const all = files.filter((f) => f.endsWith('.js')).map(text).join('\n');
    expect(all).not.toMatch(/pipe\.aria\.microsoft\.com|telemetryservice\.firstpartyapps|oaspapps\.com/);
  });

  it("points every manifest URL at ADDIN_URL, and each names a file in dist/", () => {
    const manifest = text(join(out, 'manifest.xml'));
    const els = elements(manifest);
    const urls: Array<{ where: string; url: string }> = [];
    for (const el of els) {
      for (const [k, v] of Object.entries(el.attrs)) if (/^https?:/i.test(v) && !k.startsWith('xmlns')) urls.push({ where: `${el.name}@${k}`, url: v });
      if (/^\s*https?:/i.test(el.text)) urls.push({ where: el.name, url: el.text.trim() });
    }
    const where = new Set(urls.map((u) => u.where.replace(/@.*/, '')));
    for (const w of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomain', 'SourceLocation', 'bt:Image', 'bt:Url']) expect(where).toContain(w);
    for (const { where: w, url } of urls) {
      if (w === 'AppDomain') {
        expect(url).toBe(new URL(ADDIN_URL).origin);
        continue;
      }
      expect(url.startsWith(`${ADDIN_URL}/`)).toBe(true);
      expect(existsSync(join(out, url.slice(ADDIN_URL.length + 1)))).toBe(true);
    }
    // The namespaces are the only other URLs, and they are names, not addresses.
    const namespaces = els.flatMap((el) => Object.entries(el.attrs).filter(([k]) => k.startsWith('xmlns')).map(([, v]) => v));
    for (const ns of namespaces) expect(OUR_NAMES_NOT_FETCHED).toContain(ns);
  });

  it('refuses to build without an https ADDIN_URL, saying what to set', () => {
    for (const value of [undefined, 'http://10.1.2.3/addin', 'ledgercheck']) {
      const env: NodeJS.ProcessEnv = { ...process.env, LEDGERCHECK_DIST: tempDir() };
      delete env.ADDIN_URL;
      if (value) env.ADDIN_URL = value;
      const r = spawnSync(process.execPath, [WEBPACK, '--mode', 'production', '--env', 'intranet'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status).not.toBe(0);
      expect(r.stderr + r.stdout).toContain('需要 ADDIN_URL=https://');
    }
  });
});
