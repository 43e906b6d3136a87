// Unit tests (*.spec.ts beside pure code in src/, bench/ and console/src/), browser tests (test/browser/*.browser-spec.ts) and end-to-end tests (test/, *.e2e-spec.ts: GraphQL over HTTP
// against a real PostgreSQL with the real migrations). NestJS 12 is ESM-only, so Jest runs in native ESM mode.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

export default {
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '<rootDir>/operations/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'console-unit',
      testMatch: ['<rootDir>/console/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'console/tsconfig.json' }] },
    },
    {
      ...common,
      // The console in Chromium (Debian's, driven by playwright-core) against the real service and database.
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
