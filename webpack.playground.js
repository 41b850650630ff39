// The playground: the real task pane beside a grid of a workbook held by the in-memory Excel,
// with the samples, all in dist-playground/ and nothing fetched from elsewhere.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const shared = require('./scripts/webpack-shared');

module.exports = (_env, argv) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  entry: { playground: './src/playground/index.tsx', 'engine-worker': './src/taskpane/engine-worker.ts' },
  output: { path: path.resolve(__dirname, process.env.LEDGERCHECK_PLAYGROUND_DIST || 'dist-playground'), filename: shared.filename, clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: shared.rules },
  devtool: false,
  performance: { hints: false },
  plugins: [
    shared.versionPlugin(),
    new HtmlWebpackPlugin({ filename: 'index.html', template: './src/playground/index.html', chunks: ['playground'] }),
    new CopyWebpackPlugin({ patterns: [{ from: 'assets/samples', to: 'samples' }, { from: 'assets/icon-*.png', to: 'assets/[name][ext]' }] }),
  ],
});
