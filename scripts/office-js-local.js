// Which files of @microsoft/office-js the intranet build serves beside its pages.
//
// office.js is only a loader: from the folder it was itself loaded from it fetches the Excel file
// for the host's platform and version (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js,
// …; office.js caps the version by its own table) and the host's locale strings
// (<locale>/office_strings.js, falling back to en-us). That is all an Excel add-in needs that uses
// no sign-in. Left out, on purpose:
// - the other Office applications, the .debug.js files, and the -core.js files (custom-functions
//   runtime only);
// - excel-win32-16.00.js and o15apptofilemappingtable.js: the files for Excel builds without the
//   Excel JavaScript API (Excel 2013, Excel 2016 MSI), which our manifest's ExcelApi 1.7
//   requirement already keeps the add-in off, and for a plain browser. Both open a hidden frame to
//   Microsoft's telemetry host three seconds after they load;
// - webauth/ (sign-in), agaveerrorux/ (Excel on the web's page for an untrusted host), and
//   telemetry/ + ariatelemetry/: without them office.js turns its telemetry off after one failed
//   load from our own server, so nothing is sent to Microsoft's telemetry hosts.
// The package's dist/ is 86 MB; these files are about 12 MB (3.7 MB of them locale strings).
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = '@microsoft/office-js';

function packageDir() {
  try {
    return path.dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new Error(`${PACKAGE} is not installed: run \`npm ci\` (it is a pinned devDependency) before \`npm run build:intranet\`.`);
  }
}

const version = () => JSON.parse(fs.readFileSync(path.join(packageDir(), 'package.json'), 'utf8')).version;

/** Where the files go inside dist/: the version in the path lets a refreshed copy never mix with a cached one. */
const targetDir = () => `office-js/${version()}`;

/**
 * copy-webpack-plugin patterns for the files above, and the package's licence terms. Copied as
 * they are: `minimized` keeps the production build's minifier off Microsoft's files.
 */
function copyPatterns() {
  const context = path.join(packageDir(), 'dist');
  const to = `${targetDir()}/`;
  const info = { minimized: true };
  return [
    { context, from: 'office.js', to, info },
    { context, from: 'excel-*-16.*.js', to, info, globOptions: { ignore: ['**/*.debug.js', '**/*-core.js', '**/excel-win32-16.00.js'] } },
    { context, from: '*/office_strings.js', to, info },
    { from: path.join(packageDir(), 'LICENSE.md'), to, info },
  ];
}

module.exports = { PACKAGE, packageDir, version, targetDir, copyPatterns };
