/**
 * `npm run test:unit`: the app's pure modules (form drafts and bodies, time, GCJ-02, formatting, i18n) in seconds —
 * no Taro build, no API, no database, so no global setup. `npm test` runs it as one of its projects.
 */
export default {
  displayName: 'unit',
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Server sources import with NodeNext-style `.js` suffixes; the app reaches the values both sides share as @values.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@values/(.*)$': '<rootDir>/server/src/shared/values/$1',
  },
  transformIgnorePatterns: ['/node_modules/'],
  // The app's pure modules; the size of every source file, the import graph of both sides, the forms' limits against
  // the server's schemas and the pages against app.config and the files in src/ (listings, no build).
  testMatch: [
    '<rootDir>/src/**/*.test.ts',
    '<rootDir>/tests/file-sizes.test.ts',
    '<rootDir>/tests/imports.test.ts',
    '<rootDir>/tests/form-limits.test.ts',
    '<rootDir>/tests/pages.test.ts',
  ],
}
