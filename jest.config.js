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
    // The Atlassian Design System's components import their compiled CSS; esbuild bundles it, jest needs none.
    '\\.css$': '<rootDir>/test/fixtures/css-stub.js',
    '^@atlaskit/feature-gate-js-client/feature-gates$': '<rootDir>/test/fixtures/feature-gates-stub.js',
  },
  testTimeout: 30000,
};
