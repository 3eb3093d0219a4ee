// Jest runs the ESM stack natively (node --experimental-vm-modules, see package.json).
// @swc/jest strips types without checking them; `tsc -b` runs as its own step in `npm test`.
// Workspace packages resolve to their TypeScript sources through the `hearth-source` export
// condition, so tests never need a build first.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironmentOptions: { customExportConditions: ['hearth-source', 'node', 'default'] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
