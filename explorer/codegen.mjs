// Typed operations for the explorer, from the committed schema: explorer/src/*.graphql ->
// explorer/src/generated/graphql.ts (not committed; see README). Run by `npm run build` (build:explorer).
// This is GraphQL Code Generator's own engine (@graphql-codegen/core) with the same two plugins and config the
// `graphql-codegen` CLI ran from explorer/codegen.yml; the CLI is not used because its remote-schema loaders
// (@graphql-tools/url-loader etc., listr2) require Node 22, and we only ever read two local files.
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildSchema, parse } from 'graphql';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const schemaFile = path.join(root, 'schema/schema.graphql');
// operations.graphql (the reader's pages) and review.graphql (the editors' review page), in one set.
const documentsFiles = readdirSync(path.join(here, 'src'))
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => path.join(here, 'src', f));
const outFile = path.join(here, 'src/generated/graphql.ts');

const sdl = readFileSync(schemaFile, 'utf8');
const output = await codegen({
  filename: path.relative(root, outFile),
  schema: parse(sdl),
  schemaAst: buildSchema(sdl),
  // codegen() validates the operations against the schema and throws on an unknown field or a type error.
  documents: documentsFiles.map((file) => ({ location: path.relative(root, file), document: parse(readFileSync(file, 'utf8')) })),
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: { 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode },
  config: {
    documentMode: 'string',
    enumsAsTypes: true,
    avoidOptionals: true,
    skipTypename: false,
    useTypeImports: true,
  },
});
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, output);
