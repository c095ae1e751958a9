/**
 * One `npm test`: the app's pure modules, typecheck, API suites on SQLite and PostgreSQL, compiled weapp pages, and the
 * H5 build in Chromium.
 */
import unit from './jest.unit.config.mjs'

const { transform, moduleNameMapper, transformIgnorePatterns } = unit
const shared = { transform, moduleNameMapper, transformIgnorePatterns }

export default {
  // The root transform also compiles the TypeScript global setup/teardown.
  transform: shared.transform,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    unit,
    {
      ...shared,
      displayName: 'api',
      testEnvironment: 'node',
      // Every reply an API suite receives must be described by the OpenAPI document.
      setupFilesAfterEnv: ['<rootDir>/tests/support/contract-setup.ts'],
      testMatch: [
        '<rootDir>/server/src/**/*.test.ts',
        '<rootDir>/tests/typecheck.test.ts',
        '<rootDir>/tests/lint.test.ts',
      ],
    },
    {
      ...shared,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
    {
      ...shared,
      // The database and the network failing under a running API, each suite on its own throwaway cluster.
      displayName: 'faults',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/faults/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'deploy',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/deploy/**/*.test.ts'],
    },
  ],
}
