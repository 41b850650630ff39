/** @type {import('jest').Config} */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  // Unit tests, and browser tests in Debian's Chromium (npm run e2e runs only those).
  projects: [
    { displayName: 'unit', testEnvironment: 'node', roots: ['<rootDir>/tests'], transform, setupFiles: ['<rootDir>/tests/setup-env.ts'], setupFilesAfterEnv: ['<rootDir>/tests/setup-timeout.ts'] },
    { displayName: 'e2e', testEnvironment: 'node', roots: ['<rootDir>/e2e'], testMatch: ['**/*.e2e.ts'], transform, setupFilesAfterEnv: ['<rootDir>/e2e/setup-timeout.ts'] },
  ],
};
