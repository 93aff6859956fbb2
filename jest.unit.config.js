// `npm run test:unit`: the unit project of package.json's Jest config (src/**/*.test.ts: no server,
// no file database, no child process) on its own, compiled without type checking (ts-jest's
// transpile-only mode, through tsconfig.unit.json's isolatedModules), so it runs in seconds.
// `npm test` runs the same tests type-checked, and `npm run typecheck` checks them too.
const { jest } = require('./package.json');

const unit = jest.projects.find((project) => project.displayName === 'unit');
const [pattern, [compiler, options]] = Object.entries(unit.transform)[0];

module.exports = {
  ...unit,
  testTimeout: jest.testTimeout,
  transform: { [pattern]: [compiler, { ...options, tsconfig: '<rootDir>/tsconfig.unit.json' }] },
};
