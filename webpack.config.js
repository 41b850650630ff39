// Builds the task pane and the ribbon command page into dist/. office.js comes from Microsoft's
// CDN (see the HTML templates); manifest URLs become ADDIN_URL when that is set.
const path = require('node:path');
const shared = require('./scripts/webpack-shared');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';

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

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/$/, '');
  return {
    mode: dev ? 'development' : 'production',
    entry: { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' },
    output: { path: path.resolve(__dirname, process.env.LEDGERCHECK_DIST || 'dist'), filename: '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: shared.rules },
    devtool: dev ? 'eval-source-map' : false,
    performance: { hints: false },
    plugins: [
      shared.versionPlugin(),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/html/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/html/help.html', to: 'help.html' },
          { from: 'src/commands/message.html', to: 'message.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().replaceAll(DEV_URL, url) },
        ],
      }),
    ],
    devServer: dev ? { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' }, server: { type: 'https', options: await httpsOptions() } } : undefined,
  };
};
