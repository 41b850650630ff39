// Builds the task pane and the ribbon command page into dist/. office.js comes from Microsoft's
// CDN, or with `--env intranet` (npm run build:intranet) from a copy in dist/ made from the pinned
// @microsoft/office-js package, for networks that cannot reach the CDN. Manifest URLs become
// ADDIN_URL when that is set (the intranet build requires it).
const path = require('node:path');
const shared = require('./scripts/webpack-shared');
const officeJsLocal = require('./scripts/office-js-local');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The intranet build is deployed by hand on an office's own server: its manifest must name that server. */
function intranetUrl(value) {
  const { z } = require('zod');
  const parsed = z.url({ protocol: /^https$/ }).safeParse(value ?? '');
  if (!parsed.success) {
    throw new Error(`npm run build:intranet 需要 ADDIN_URL=https://本单位服务器/路径（现在是“${value ?? ''}”）。Office 只从 HTTPS 地址加载加载项。 / build:intranet needs ADDIN_URL=https://your-server/path: Office loads add-ins over HTTPS only.`);
  }
  return parsed.data;
}

async function httpsOptions() {
  try {
    return await require('office-addin-dev-certs').getHttpsServerOptions();
  } catch (e) {
    // Without sudo the CA cannot be trusted system-wide, but the localhost certificate exists.
    const dir = path.join(require('node:os').homedir(), '.office-addin-dev-certs');
    const fs = require('node:fs');
    if (fs.existsSync(path.join(dir, 'localhost.crt'))) {
      console.warn(`office-addin-dev-certs: ${e.message}; using ${dir} (trust ca.crt yourself)`);
      return { cert: fs.readFileSync(path.join(dir, 'localhost.crt')), key: fs.readFileSync(path.join(dir, 'localhost.key')), ca: fs.readFileSync(path.join(dir, 'ca.crt')) };
    }
    console.warn(`office-addin-dev-certs: ${e.message}; serving with a self-signed certificate instead`);
    return {};
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const intranet = Boolean(env && env.intranet);
  const url = (intranet ? intranetUrl(process.env.ADDIN_URL) : process.env.ADDIN_URL || DEV_URL).replace(/\/$/, '');
  // Relative, so the pages load it from wherever dist/ is served.
  const officeJs = intranet ? `${officeJsLocal.targetDir()}/office.js` : OFFICE_JS_CDN;
  return {
    mode: dev ? 'development' : 'production',
    entry: { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts', 'engine-worker': './src/taskpane/engine-worker.ts' },
    output: { path: path.resolve(__dirname, process.env.LEDGERCHECK_DIST || 'dist'), filename: shared.filename, clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: shared.rules },
    devtool: dev ? 'eval-source-map' : false,
    performance: { hints: false },
    plugins: [
      shared.versionPlugin(),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/html/taskpane.html', chunks: ['taskpane'], officeJs }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], officeJs }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/html/help.html', to: 'help.html' },
          { from: 'src/commands/message.html', to: 'message.html' },
          // AppDomain takes an origin, never a path.
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().replaceAll(`<AppDomain>${DEV_URL}</AppDomain>`, `<AppDomain>${new URL(url).origin}</AppDomain>`).replaceAll(DEV_URL, url) },
          ...(intranet ? officeJsLocal.copyPatterns() : []),
        ],
      }),
    ],
    devServer: dev ? { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' }, server: { type: 'https', options: await httpsOptions() } } : undefined,
  };
};
