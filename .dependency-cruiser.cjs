// `npm run lint`: the layers of docs/architecture.md, checked on every import of src/ (type-only imports
// included: a type import is an arrow too, and a circle of types is still a circle a reader has to untangle).
//
//   kernel   src/common/, src/config.ts, src/logger.ts, src/database.ts, ormconfig.ts, src/migrations/,
//            and the registry: src/facts.ts, src/entities.ts, src/services.ts, src/schema.ts, src/context.ts
//   modules  src/modules/
//   server   src/server/
//   main     src/main.ts (and the entry points beside it: seeds/, scripts/, bench/)
//
// Each layer imports only layers below it. The registry and the migrations are the kernel's only files
// that name modules: they list each module's entities, facts, services and resolvers.
const KERNEL = '^(src/common/|src/(config|logger|database|facts|entities|services|schema|context)\\.ts$|ormconfig\\.ts$|src/migrations/)';
const REGISTRY = '^(src/(facts|entities|services|schema)\\.ts$|src/migrations/|ormconfig\\.ts$)';
const ENTRY_POINTS = '^(src/main\\.ts$|seeds/|scripts/|bench/|test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other (directly or through others) cannot be read, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-not-to-modules',
      severity: 'error',
      comment: 'The kernel knows no module: only the registry (and the migrations) name them.',
      from: { path: KERNEL, pathNot: REGISTRY },
      to: { path: '^src/modules/' },
    },
    {
      name: 'kernel-not-to-server',
      severity: 'error',
      comment: 'The kernel does not depend on the HTTP server or on an entry point.',
      from: { path: KERNEL },
      to: { path: ['^src/server/', ENTRY_POINTS] },
    },
    {
      name: 'modules-not-to-server',
      severity: 'error',
      comment: 'A module is served by the server; it does not reach into it (nor into an entry point).',
      from: { path: '^src/modules/' },
      to: { path: ['^src/server/', ENTRY_POINTS] },
    },
    {
      name: 'modules-not-to-schema',
      severity: 'error',
      comment: 'The schema lists every resolver: a module that imports it would import itself.',
      from: { path: '^src/modules/' },
      to: { path: '^src/schema\\.ts$' },
    },
    {
      name: 'server-not-to-entry-points',
      severity: 'error',
      comment: 'The server is started by src/main.ts (and the tests and benchmarks), never the other way round.',
      from: { path: '^src/server/' },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that names no file or installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Only the product's own files; tests may import any layer.
    includeOnly: '^(src|ormconfig\\.ts)',
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
