// Both tiers as two Jest projects (docs/development.md#tests).
const os = require('node:os');

// One and a half workers per processor: the browser and process suites wait on their children part of
// the time, so a third worker on two cores keeps both busy. (Jest's own "150%" is not a percentage it
// accepts: it reads any value over 100% as that many workers.)
const workers = Math.max(2, Math.floor(os.availableParallelism() * 1.5));

// TypeScript compiled without type checking (`npm test` type-checks everything once first): ts-jest's
// transpile-only mode through tsconfig.jest.json's isolatedModules. 151002 is ts-jest's note on a Node16-style
// `module` setting, which asks nothing of us.
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: { ignoreCodes: [151002] } }],
};

module.exports = {
  testTimeout: 180000,
  maxWorkers: workers,
  // A worker's exit, once its last test is done: it closes its shared server (test/support/worker-environment.js,
  // about 0.1 s), then Node frees a heap of up to a gigabyte (0.1-0.3 s beside the other workers). Jest's default
  // half second, on a loaded machine, cut that short and reported a leak that was not one.
  workerGracefulExitTimeout: 3000,
  projects: [
    {
      displayName: 'unit',
      roots: ['<rootDir>/src'],
      testEnvironment: 'node',
      // One file that runs every src/**/*.test.ts in one module registry (it says why).
      testMatch: ['<rootDir>/src/unit.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform,
    },
    {
      displayName: 'integration',
      roots: ['<rootDir>/test', '<rootDir>/seeds'],
      testEnvironment: '<rootDir>/test/support/worker-environment.js',
      testMatch: ['**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
