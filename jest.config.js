/** Jest runs TypeScript through ts-jest; e2e tests live in test/e2e and need a built UI and Chromium. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: {
    '^@contracts/(.*)$': '<rootDir>/src/contracts/$1',
    // The UI imports csv-stringify's browser (ESM) build; under jest the same API comes from its CommonJS build.
    '^csv-stringify/browser/esm/sync$': '<rootDir>/node_modules/csv-stringify/dist/cjs/sync.cjs',
  },
  testTimeout: 30000,
};
