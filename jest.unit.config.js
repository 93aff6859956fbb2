// `npm run test:unit`: the unit project of jest.config.js (src/**/*.test.ts: no server, no file
// database, no child process) on its own, without building or type checking, so it runs in seconds.
// Both tiers compile tests without type checking (ts-jest's transpile-only mode, through
// tsconfig.jest.json's isolatedModules); `npm test` type-checks everything once first (`npm run typecheck`).
const config = require('./jest.config');

const unit = config.projects.find((project) => project.displayName === 'unit');

module.exports = { ...unit, testTimeout: config.testTimeout };
