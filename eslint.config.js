// eslint with eslint-plugin-office-addins: the Office.js rules (load before read, sync before
// read, no sync in a loop, isNullObject tests) over the host code and the task pane.
const officeAddins = require('eslint-plugin-office-addins');
const tseslint = require('typescript-eslint');

module.exports = [
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'office-addins': officeAddins, '@typescript-eslint': tseslint.plugin },
    rules: {
      ...Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'error'])),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
];
