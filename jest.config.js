/** Jest runs TypeScript through ts-jest; e2e tests live in test/e2e and need a built UI and Chromium. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: { '^@contracts/(.*)$': '<rootDir>/src/contracts/$1' },
  testTimeout: 30000,
};
