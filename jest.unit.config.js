// `npm run test:unit [path]`: the unit tier's files (src/**/*.test.ts: no server, no file database, no child
// process) one by one, without building or type checking, so that one file runs alone in seconds; `npm test`
// runs them all in one file (src/unit.test.ts). Both compile tests without type checking (ts-jest's
// transpile-only mode, through tsconfig.jest.json's isolatedModules); `npm test` type-checks everything once
// first (`npm run typecheck`).
const config = require('./jest.config');

const unit = config.projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/src/unit\\.test\\.ts$'],
  testTimeout: config.testTimeout,
};
