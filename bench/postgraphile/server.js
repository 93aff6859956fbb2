'use strict';
/**
 * `node bench/postgraphile/server.js`: PostGraphile 4 on DATABASE_URL (postgres://…), served at
 * PORT/graphql, with the options PostGraphile's documentation recommends for production
 * (its "Production considerations" and the library's production example): no query log, no
 * GraphiQL, simplified inflection (@graphile-contrib/pg-simplify-inflector), legacy relations
 * omitted, dynamic JSON, query batching allowed, no watch mode. The benchmark's peer for
 * "GraphQL over our PostgreSQL". Installed apart from the project (this folder's package.json):
 * PostGraphile 4 needs graphql 15, the project uses 16.
 */
const http = require('node:http');
const { postgraphile } = require('postgraphile');
const PgSimplifyInflectorPlugin = require('@graphile-contrib/pg-simplify-inflector');

const url = process.env.DATABASE_URL;
if (!url || !url.startsWith('postgres')) {
  process.stderr.write('error: DATABASE_URL must be a postgres:// URL\n');
  process.exit(1);
}
const middleware = postgraphile(url, 'public', {
  retryOnInitFail: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  extendedErrors: ['errcode'],
  appendPlugins: [PgSimplifyInflectorPlugin],
  graphiql: false,
  enableQueryBatching: true,
  disableQueryLog: true,
  legacyRelations: 'omit',
  watchPg: false,
});
const server = http.createServer(middleware);
server.listen(Number(process.env.PORT || 4200), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(JSON.stringify({ msg: 'postgraphile ready', url: `http://127.0.0.1:${address.port}/graphql` }) + '\n');
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
