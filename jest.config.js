/** Tests run against built packages (npm test builds first); ts-jest only transpiles the test files. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts', '<rootDir>/test/*.test.ts'],
  // test/bench/ has its own dependencies, installed on first use: `npm run test:hive` runs its test.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/bench/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  setupFilesAfterEnv: ['@samsyn/test-support/dist/jest-setup'],
  testTimeout: 60000,
  maxWorkers: 2,
};
